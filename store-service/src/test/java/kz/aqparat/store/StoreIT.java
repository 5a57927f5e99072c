package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** store-service for real: in-JVM Kafka broker, Kafka Streams with exactly_once_v2, HTTP on a random port. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreIT {

    private static final String TEXT_1 = "Аида Балаева встретилась с работниками Qarmet в Темиртау. "
            + "Аида Балаева отметила, что в Карагандинской области работают более 400 сотрудников Qarmet.";
    private static final String TEXT_2 = "В Астане Аида Балаева и Ерлан Карин обсудили работу Qarmet.";
    private static final String TEXT_3 = "В Шымкенте Ерлан Карин открыл школу.";
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static RunningStore store;

    @BeforeAll
    static void start() throws Exception {
        store = new RunningStore();
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private static List<EnrichedArticle> articles() {
        return List.of(
                article("it-1", "2026-02-18", TEXT_1, List.of(
                        entity(EntityType.PERSON, "Аида Балаева", null, TEXT_1, 2),
                        entity(EntityType.ORGANIZATION, "Qarmet", null, TEXT_1, 2),
                        entity(EntityType.LOCATION, "Темиртау", "Карагандинская область", TEXT_1, 1)),
                        List.of("Карагандинская область"), "v1", T, 1),
                article("it-2", "2026-02-19T09:30:00+05:00", TEXT_2, List.of(
                        entity(EntityType.PERSON, "Аида Балаева", null, TEXT_2, 1),
                        entity(EntityType.PERSON, "Ерлан Карин", null, TEXT_2, 1),
                        entity(EntityType.ORGANIZATION, "Qarmet", null, TEXT_2, 1),
                        entity(EntityType.LOCATION, "Астане", "Астана", TEXT_2, 1)),
                        List.of("Астана"), "v1", T, 2),
                article("it-3", null, TEXT_3, List.of(
                        entity(EntityType.PERSON, "Ерлан Карин", null, TEXT_3, 1)),
                        List.of(), "v1", T, 3));
    }

    private static List<EntityCount> persons() {
        return store.getJson("/api/views/entities?type=PERSON&limit=20", new TypeReference<>() { });
    }

    private static List<RegionCount> regions() {
        return store.getJson("/api/views/regions", new TypeReference<>() { });
    }

    private static List<DayCount> timeline() {
        return store.getJson("/api/views/timeline", new TypeReference<>() { });
    }

    private static EnrichedArticle readArticle(String id) {
        try {
            return Json.mapper().readValue(store.get("/api/articles/" + id).body(), EnrichedArticle.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitArticle(String id) {
        RunningStore.await(Duration.ofSeconds(60), "article " + id,
                () -> store.get("/api/articles/" + id).statusCode() == 200);
    }

    @Test
    void servesTheViewsAndKeepsThemUnchangedWhenArticlesArriveAgain() throws Exception {
        store.produce(articles());
        List<EntityCount> expectedPersons = List.of(
                new EntityCount(EntityType.PERSON, "Аида Балаева", 3, 2),
                new EntityCount(EntityType.PERSON, "Ерлан Карин", 2, 2));
        List<RegionCount> expectedRegions = List.of(new RegionCount("Карагандинская область", 1, 1),
                new RegionCount("Астана", 1, 1));
        RunningStore.await(Duration.ofSeconds(60), "three articles counted",
                () -> timeline().stream().mapToLong(DayCount::articleCount).sum() == 3
                        && persons().equals(expectedPersons)
                        && Set.copyOf(regions()).equals(Set.copyOf(expectedRegions))
                        && store.get("/api/views/entities?type=ORGANIZATION").body().contains("\"articleCount\":2"));

        assertEquals(expectedPersons, persons());
        assertEquals(List.of(new EntityCount(EntityType.ORGANIZATION, "Qarmet", 3, 2)),
                store.getJson("/api/views/entities?type=ORGANIZATION", new TypeReference<List<EntityCount>>() { }));
        assertEquals(List.of(expectedPersons.get(0)),
                store.getJson("/api/views/entities?type=person&limit=1", new TypeReference<List<EntityCount>>() { }));
        assertEquals(Set.copyOf(expectedRegions), Set.copyOf(regions()));
        List<DayCount> expectedTimeline = List.of(new DayCount("2026-02-18", 1), new DayCount("2026-02-19", 1),
                new DayCount(DayCount.UNKNOWN, 1));
        assertEquals(expectedTimeline, timeline());

        // articles-by-id is read from articles.store: an article is there once its transaction has committed.
        articles().forEach(article -> awaitArticle(article.id()));
        EnrichedArticle first = articles().get(0);
        assertEquals(first, Json.mapper().readValue(store.get("/api/articles/it-1").body(), EnrichedArticle.class));
        JsonNode latest = Json.mapper().readTree(store.get("/api/articles?limit=10").body()).path("articles");
        assertEquals(3, latest.size(), latest.toString());

        // Again, then a re-enriched it-3 without its person, then a sentinel: once the sentinel is counted,
        // everything before it has been processed.
        store.produce(articles());
        store.produce(articles());
        EnrichedArticle reEnriched = article("it-3", null, TEXT_3, List.of(), List.of(), "v2",
                T.plusSeconds(60), 3);
        store.produce(List.of(reEnriched));
        String sentinelText = "Сентинел Тестов приехал.";
        store.produce(List.of(article("it-sentinel", "2026-02-20", sentinelText,
                List.of(entity(EntityType.PERSON, "Сентинел Тестов", null, sentinelText, 1)), List.of(), "v1", T, 4)));
        List<EntityCount> expectedAfter = List.of(new EntityCount(EntityType.PERSON, "Аида Балаева", 3, 2),
                new EntityCount(EntityType.PERSON, "Ерлан Карин", 1, 1),
                new EntityCount(EntityType.PERSON, "Сентинел Тестов", 1, 1));
        List<DayCount> timelineAfter = List.of(new DayCount("2026-02-18", 1), new DayCount("2026-02-19", 1),
                new DayCount("2026-02-20", 1), new DayCount(DayCount.UNKNOWN, 1));
        try {
            RunningStore.await(Duration.ofSeconds(60), "the replays and the re-enrichment processed",
                    () -> persons().equals(expectedAfter) && timeline().equals(timelineAfter));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": persons " + persons() + ", timeline " + timeline(), e);
        }

        assertEquals(expectedAfter, persons());
        assertEquals(Set.copyOf(expectedRegions), Set.copyOf(regions()));
        assertEquals(timelineAfter, timeline());
        RunningStore.await(Duration.ofSeconds(30), "the re-enriched it-3 in articles-by-id",
                () -> reEnriched.equals(readArticle("it-3")));
        assertEquals(reEnriched, readArticle("it-3"));

        assertStoreTopicIsCompactedAndHolds(reEnriched);
    }

    private void assertStoreTopicIsCompactedAndHolds(EnrichedArticle expected) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, store.broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES_STORE.name());
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
        List<ConsumerRecord<byte[], byte[]>> records = readAll(Topics.ARTICLES_STORE.name());
        JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
        EnrichedArticle last = null;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (expected.id().equals(new String(record.key(), StandardCharsets.UTF_8))) {
                last = serde.deserializer().deserialize(Topics.ARTICLES_STORE.name(), record.value());
            }
        }
        assertEquals(expected, last);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, store.broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "store-it-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 10_000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && emptyPolls < 3) {
                var polled = consumer.poll(Duration.ofSeconds(1));
                polled.forEach(records::add);
                emptyPolls = polled.isEmpty() && !records.isEmpty() ? emptyPolls + 1 : 0;
            }
        }
        return records;
    }

    /** The committed records of every partition of {@code topic}, from the beginning (0 for a missing topic). */
    private static long countRecords(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, store.broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(System.currentTimeMillis() < deadline, "cannot read " + topic + " to its end");
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
            return count;
        }
    }

    /**
     * What Kafka gets for a burst of articles: the internal topics are the four changelogs (no repartition topic,
     * no copy of articles.store), and thanks to the views' caches the view changelogs get one record per changed
     * row per commit, far fewer than one per (article, row).
     */
    @Test
    @Order(Integer.MAX_VALUE) // last: its articles would change the other tests' exact views
    void writesNoRepartitionTopicAndCoalescesViewRowsPerCommit() throws Exception {
        String prefix = store.applicationId + "-";
        Set<String> changelogs = Set.of(prefix + "article-versions-changelog", prefix + "article-index-changelog",
                prefix + "view-entities-changelog", prefix + "view-regions-changelog",
                prefix + "view-timeline-changelog");
        Map<String, Long> before = new java.util.TreeMap<>();
        for (String topic : changelogs) {
            before.put(topic, countRecords(topic));
        }
        int articles = 50;
        int personsPerArticle = 20;
        List<EnrichedArticle> burst = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            List<String> names = new ArrayList<>();
            for (int e = 0; e < personsPerArticle; e++) {
                names.add("Пакетная Персона" + (char) ('А' + (a + e) % 30));
            }
            String text = String.join(", ", names) + ".";
            burst.add(article("burst-" + a, "2026-01-0" + (1 + a % 5), text,
                    names.stream().map(n -> entity(EntityType.PERSON, n, null, text, 1)).toList(),
                    List.of("Регион " + (a % 3)), "v1", T));
        }
        store.produceBurst(burst);
        RunningStore.await(Duration.ofSeconds(60), "the burst counted and committed", () -> {
            List<EntityCount> all = store.getJson("/api/views/entities?type=PERSON&limit=1000",
                    new TypeReference<List<EntityCount>>() { });
            long mentions = all.stream().filter(e -> e.name().startsWith("Пакетная Персона"))
                    .mapToLong(EntityCount::articleCount).sum();
            return mentions == (long) articles * personsPerArticle
                    && burst.stream().allMatch(a -> store.get("/api/articles/" + a.id()).statusCode() == 200);
        });

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, store.broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(prefix)).collect(java.util.stream.Collectors.toSet());
            assertEquals(changelogs, internal);
        }
        Map<String, Long> written = new java.util.TreeMap<>();
        for (String topic : changelogs) {
            written.put(topic.substring(prefix.length()), countRecords(topic) - before.get(topic));
        }
        System.out.printf("%d articles naming %d persons each wrote to the changelogs: %s%n", articles,
                personsPerArticle, written);
        assertEquals(articles, written.get("article-versions-changelog"), written.toString());
        assertEquals(articles, written.get("article-index-changelog"), "one index entry per article: " + written);
        // One record per (article, person row) would be 1000. Each task (one per partition, 3 here) writes each of
        // its 30 rows at most once per commit (every 100 ms under exactly-once): a few commits cover the burst.
        long entityRows = written.get("view-entities-changelog");
        assertTrue(entityRows < (long) articles * personsPerArticle / 2, written.toString());
    }

    /**
     * The ordering invariants on a real broker, one article written to {@code articles.enriched} out of order as
     * replays, redrives, two enrich instances and skewed clocks would write it: an older raw version never replaces a
     * newer one; a newer engine wins on the same raw version; the same version again, or the same text pushed
     * again, sends no SSE event and writes nothing to articles.store; a delete stays deleted through replays of older
     * records, and a push after it is stored. What is checked is what a user sees: the article over HTTP, the views,
     * the events on /api/stream and the records of articles.store.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1) // after the tests that check exact views, before the burst
    void versionsNeverGoBackwardsWhateverTheOrderAndADeleteStaysDeleted() throws Exception {
        String id = "versioned-it";
        String original = "Первый Вариант приехал в Караганду.";
        String correction = "Второй Вариант приехал в Астану.";
        String repushed = "Третий Вариант приехал в Шымкент.";
        Map<String, Double> skippedBefore = skippedVersions();
        ArticleEvents events = new ArticleEvents(id);
        java.util.concurrent.CompletableFuture<?> stream = java.net.http.HttpClient.newHttpClient().sendAsync(
                java.net.http.HttpRequest.newBuilder(store.base.resolve("/api/stream")).build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(events));
        RunningStore.await(Duration.ofSeconds(30), "the event stream open", () -> events.pinged);

        produce(id, original, "Первый Вариант", "0.9.0", T.plusSeconds(100), 10, "fp-original");
        awaitVersion(id, 10, "0.9.0");
        RunningStore.await(Duration.ofSeconds(30), "the first article event", () -> events.values.size() == 1);

        // an enricher whose clock is behind enriches the correction (raw offset 20) ...
        produce(id, correction, "Второй Вариант", "0.9.0", T, 20, "fp-correction");
        awaitVersion(id, 20, "0.9.0");
        // ... then a replay of offset 10 by a newer engine, on the fastest clock: older all the same
        produce(id, original, "Первый Вариант", "0.10.0", T.plusSeconds(200), 10, "fp-original");
        // the newer engine on the same raw version wins
        produce(id, correction, "Второй Вариант", "0.10.0", T.plusSeconds(150), 20, "fp-correction");
        // the same version again (a replay twice), and the same text pushed again (raw offset 25)
        produce(id, correction, "Второй Вариант", "0.10.0", T.plusSeconds(300), 20, "fp-correction");
        produce(id, correction, "Второй Вариант", "0.10.0", T.plusSeconds(300), 25, "fp-correction");
        awaitSkipped(skippedBefore, Map.of("older", 1.0, "same", 1.0, "duplicate", 1.0));
        awaitVersion(id, 20, "0.10.0");
        assertEquals(List.of(new EntityCount(EntityType.PERSON, "Второй Вариант", 1, 1)), variants());

        // a delete at raw offset 30, then replays and redrives of the older records
        store.produceRecord(id, null, kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET, "30");
        RunningStore.await(Duration.ofSeconds(60), "the article deleted",
                () -> store.get("/api/articles/" + id).statusCode() == 404 && variants().isEmpty());
        produce(id, correction, "Второй Вариант", "0.11.0", T.plusSeconds(400), 25, "fp-correction");
        produce(id, original, "Первый Вариант", "0.11.0", T.plusSeconds(400), 10, "fp-original");
        awaitSkipped(skippedBefore, Map.of("older", 1.0, "same", 1.0, "duplicate", 1.0, "deleted", 2.0));
        assertEquals(404, store.get("/api/articles/" + id).statusCode());
        assertEquals(List.of(), variants());

        // pushed again after the delete: a new raw record, stored
        produce(id, repushed, "Третий Вариант", "0.11.0", T, 40, "fp-repushed");
        awaitVersion(id, 40, "0.11.0");
        assertEquals(List.of(new EntityCount(EntityType.PERSON, "Третий Вариант", 1, 1)), variants());

        // articles.store: the four accepted versions and the delete, nothing for the seven records that changed
        // nothing; the event stream the same
        List<String> written = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.ARTICLES_STORE.name())) {
            if (id.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                written.add(record.value() == null ? "deleted" : versionOf(record.value()));
            }
        }
        assertEquals(List.of("10/0.9.0", "20/0.9.0", "20/0.10.0", "deleted", "40/0.11.0"), written);
        RunningStore.await(Duration.ofSeconds(10), "five article events", () -> events.values.size() >= 5);
        Thread.sleep(1000); // an extra event would have come by now
        assertEquals(List.of("Заголовок " + id, "Заголовок " + id, "Заголовок " + id, "deleted", "Заголовок " + id),
                events.values);
        stream.cancel(true);
    }

    /** The {@code article} events of one article on {@code /api/stream}: its title, or "deleted". */
    private static final class ArticleEvents implements java.util.concurrent.Flow.Subscriber<String> {

        final List<String> values = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean pinged;
        private final String id;
        private String event = "";

        ArticleEvents(String id) {
            this.id = id;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
                pinged |= event.equals("ping");
            } else if (line.startsWith("data:") && event.equals("article")) {
                try {
                    JsonNode data = Json.mapper().readTree(line.substring("data:".length()));
                    if (id.equals(data.path("key").asText())) {
                        values.add(!data.hasNonNull("value") ? "deleted" : data.path("value").path("title").asText());
                    }
                } catch (Exception e) {
                    throw new AssertionError(line, e);
                }
            } else if (line.isEmpty()) {
                event = "";
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static void produce(String id, String text, String person, String engine, Instant processedAt,
                                long sourceVersion, String fingerprint) {
        EnrichedArticle article = article(id, "2026-02-22", text,
                List.of(entity(EntityType.PERSON, person, null, text, 1)), List.of(), engine, processedAt,
                sourceVersion);
        store.produceRecord(id, new JsonSerde<>(EnrichedArticle.class).serializer()
                        .serialize(Topics.ARTICLES_ENRICHED.name(), article),
                kz.aqparat.contracts.RecordHeaders.TEXT_FINGERPRINT, fingerprint);
    }

    private static String versionOf(byte[] json) {
        EnrichedArticle article = new JsonSerde<>(EnrichedArticle.class).deserializer()
                .deserialize(Topics.ARTICLES_STORE.name(), json);
        return article.enrichment().sourceVersion() + "/" + article.enrichment().version();
    }

    private static void awaitVersion(String id, long sourceVersion, String engine) {
        RunningStore.await(Duration.ofSeconds(60), id + " at " + sourceVersion + "/" + engine, () -> {
            HttpResponse<String> response = store.get("/api/articles/" + id);
            return response.statusCode() == 200
                    && versionOf(response.body().getBytes(StandardCharsets.UTF_8))
                    .equals(sourceVersion + "/" + engine);
        });
    }

    /** The persons of this test's article in the entities view. */
    private static List<EntityCount> variants() {
        return store.getJson("/api/views/entities?type=PERSON&limit=1000", new TypeReference<List<EntityCount>>() { })
                .stream().filter(e -> e.name().endsWith(" Вариант")).toList();
    }

    /** {@code aqparat_store_versions_skipped_total} by reason. */
    private static Map<String, Double> skippedVersions() {
        Map<String, Double> counts = new java.util.TreeMap<>();
        java.util.regex.Matcher line = java.util.regex.Pattern
                .compile("(?m)^aqparat_store_versions_skipped_total\\{.*reason=\"([a-z-]+)\".*} (\\S+)$")
                .matcher(store.get("/prometheus").body());
        while (line.find()) {
            counts.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return counts;
    }

    private static void awaitSkipped(Map<String, Double> before, Map<String, Double> expected) {
        try {
            RunningStore.await(Duration.ofSeconds(60), "skipped versions " + expected, () -> {
                Map<String, Double> now = skippedVersions();
                Map<String, Double> delta = new java.util.TreeMap<>();
                now.forEach((reason, count) -> {
                    double d = count - before.getOrDefault(reason, 0.0);
                    if (d != 0) {
                        delta.put(reason, d);
                    }
                });
                return delta.equals(expected);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + skippedVersions() + " from " + before, e);
        }
    }

    @Test
    void answersBadRequestsWithProblemBodies() throws Exception {
        HttpResponse<String> unknown = store.get("/api/articles/no-such-article");
        assertProblem(unknown, 404, "not-found", "no-such-article");
        assertProblem(store.get("/api/views/entities?type=PLANET"), 400, "bad-request", "PLANET");
        assertProblem(store.get("/api/views/entities?type=PERSON&limit=0"), 400, "bad-request", "limit");
        assertProblem(store.get("/api/views/entities?limit=many"), 400, "bad-request", "limit");
        assertProblem(store.get("/api/views/entities?limit=99999999999"), 400, "bad-request", "limit");
        assertProblem(store.get("/api/articles?limit=-1"), 400, "bad-request", "limit");
        assertProblem(store.get("/api/views/entities?type=%3Cscript%3E"), 400, "bad-request", "type");
        assertProblem(store.get("/api/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 404, "not-found", "script");
        assertProblem(store.get("/api/no-such-view"), 404, "not-found", "");
        // A browser's Accept gets the same problem, not an HTML page.
        assertProblem(store.request("GET", "/api/no-such-view", "Accept", "text/html,*/*"), 404, "not-found", "");
        HttpResponse<String> post = store.request("POST", "/api/articles/no-such-article");
        assertProblem(post, 405, "method-not-allowed", "");
        assertTrue(post.headers().firstValue("Allow").orElse("").contains("GET"), post.headers().map().toString());
        assertProblem(store.request("DELETE", "/api/views/regions"), 405, "method-not-allowed", "");
        assertProblem(store.request("PUT", "/api/articles"), 405, "method-not-allowed", "");
    }

    /** The one problem shape of every service (ingest's IngestHostileInputIT asserts the same). */
    private static void assertProblem(HttpResponse<String> response, int status, String kind, String detailMentions)
            throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                response.headers().map().toString());
        JsonNode problem = Json.mapper().readTree(response.body());
        List<String> fields = new ArrayList<>();
        problem.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("type", "title", "status", "detail"), fields, response.body());
        assertEquals("https://aqparat.kz/problems/" + kind, problem.get("type").asText(), response.body());
        assertEquals(io.micronaut.http.HttpStatus.valueOf(status).getReason(), problem.get("title").asText());
        assertEquals(status, problem.get("status").asInt(), response.body());
        assertTrue(problem.get("detail").asText().contains(detailMentions), response.body());
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDlqAndProcessingGoesOn() {
        store.produceBytes("poison", "{not json".getBytes(StandardCharsets.UTF_8));
        String text = "Пост Обработки вернулся.";
        store.produce(List.of(article("it-after-poison", "2026-02-21", text,
                List.of(entity(EntityType.PERSON, "Пост Обработки", null, text, 1)), List.of(), "v1", T)));
        awaitArticle("it-after-poison");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        RunningStore.await(Duration.ofSeconds(60), "the poison record in articles.dlq", () -> {
            readAll(Topics.ARTICLES_DLQ.name()).stream()
                    .filter(r -> "poison".equals(new String(r.key(), StandardCharsets.UTF_8)))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        ConsumerRecord<byte[], byte[]> dead = found.get(0);
        assertEquals("{not json", new String(dead.value(), StandardCharsets.UTF_8));
        assertEquals("store.deserialize", header(dead, DlqHeaders.STAGE));
        assertEquals("store-service", header(dead, DlqHeaders.SERVICE));
        assertEquals(Topics.ARTICLES_ENRICHED.name(), header(dead, DlqHeaders.ORIGINAL_TOPIC));
        assertTrue(header(dead, DlqHeaders.ERROR_MESSAGE).contains("EnrichedArticle"),
                header(dead, DlqHeaders.ERROR_MESSAGE));
        Integer.parseInt(header(dead, DlqHeaders.ORIGINAL_PARTITION));
        Long.parseLong(header(dead, DlqHeaders.ORIGINAL_OFFSET));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertTrue(header != null, "no header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void reportsHealthAndMetrics() throws Exception {
        HttpResponse<String> health = store.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode body = Json.mapper().readTree(health.body());
        assertEquals("UP", body.get("status").asText(), health.body());
        assertEquals("RUNNING", body.at("/details/kafkaStreamsRunning/details/default").asText(), health.body());

        HttpResponse<String> metrics = store.get("/prometheus");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("kafka_stream"), "no Kafka Streams metrics in /prometheus");
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "no JVM metrics in /prometheus");
    }

}
