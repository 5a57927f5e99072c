package kz.aqparat.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aqparat.cli.Pipeline;
import kz.aqparat.cli.articles.ArticleStream;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.dlq.DeadLetter;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * {@code ./pipeline replay} and {@code ./pipeline dlq redrive} against the whole pipeline (a real broker, the three
 * services' jars as child processes), as an operator uses them while articles keep arriving: a replay of
 * everything leaves the views of a fresh pipeline fed the same articles, a second replay changes nothing, a dry
 * run counts what a replay replays; an article whose enrichment failed is listed, redriven once the cause is gone
 * and stored once, and a correction pushed afterwards is a new version that a later redrive does not undo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorE2EIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int NEW_ARTICLES = 30;

    private final HttpClient http = HttpClient.newHttpClient();
    private final RepoLayout layout = RepoLayout.find();
    private final ArticleStream articles = new ArticleStream(layout.samples(), "operator-e2e", 7, 1.5);
    private KafkaBroker broker;
    private LocalPipeline pipeline;
    private Path workDir;
    /** Every article id pushed, in order. */
    private final Set<String> ids = Collections.synchronizedSet(new LinkedHashSet<>());
    private Map<String, JsonNode> viewsAfterReplay;
    private List<ConsumerRecord<byte[], byte[]>> rawAfterReplay;
    private Set<String> idsAfterReplay;

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.inJvm();
        workDir = Files.createTempDirectory("aqparat-operator-e2e");
        pipeline = startPipeline(broker, workDir);
    }

    @AfterAll
    void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static LocalPipeline startPipeline(KafkaBroker broker, Path dir) {
        // A short session: the redrive test moves enrich's committed offset, which Kafka allows once the stopped
        // enrich-service's member has left the group.
        return LocalPipeline.start(RepoLayout.find(), broker.bootstrapServers(),
                new LocalPipeline.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next()), dir,
                Map.of("AQPARAT_TOPIC_PARTITIONS", "2", "KAFKA_STREAMS_DEFAULT_CONSUMER_SESSION_TIMEOUT_MS", "10000"),
                Duration.ofSeconds(240));
    }

    @Test
    @Order(1)
    void aReplayOfEverythingWhileArticlesArriveKeepsEveryArticleOnce() throws Exception {
        for (Path sample : samples()) {
            ids.add(post("text/plain; charset=utf-8", Files.readString(sample, StandardCharsets.UTF_8)));
        }
        awaitStored(Set.copyOf(ids));

        Thread pusher = new Thread(() -> {
            for (int i = 0; i < NEW_ARTICLES; i++) {
                try {
                    ids.add(post("application/json", new String(articles.json(i), StandardCharsets.UTF_8)));
                    Thread.sleep(100);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "pusher");
        pusher.start();
        Thread.sleep(300);
        Run replay = cli("replay", "--json", "--no-progress");
        pusher.join(TIMEOUT.toMillis());

        assertEquals(0, replay.exit(), replay.out() + replay.err());
        JsonNode summary = replay.json();
        assertTrue(summary.path("replayed").asLong() >= 5, "at least the samples: " + summary);
        assertEquals(0, summary.path("skipped").asLong(), summary.toString());
        assertEquals(5 + NEW_ARTICLES, ids.size());
        awaitStored(Set.copyOf(ids));
        awaitCaughtUp();
        awaitUntil("the timeline counts every article once", () -> timelineTotal() == ids.size());
        viewsAfterReplay = views();
    }

    @Test
    @Order(2)
    void aSecondReplayChangesNothingAndItsDryRunCountsIt() throws Exception {
        Run dryRun = cli("replay", "--dry-run", "--json", "--no-progress");
        assertEquals(0, dryRun.exit(), dryRun.err());
        assertEquals(ids.size(), dryRun.json().path("replayed").asLong(), dryRun.out());
        Map<TopicPartition, Long> storeEnd = endOffsets(Topics.ARTICLES_STORE.name());
        int enrichedBefore = readAll(Topics.ARTICLES_ENRICHED.name()).size();

        Run replay = cli("replay", "--json", "--no-progress");

        assertEquals(0, replay.exit(), replay.err());
        assertEquals(dryRun.json().path("replayed").asLong(), replay.json().path("replayed").asLong());
        assertEquals(dryRun.json().path("read").asLong(), replay.json().path("read").asLong());
        awaitUntil("enrich re-enriched every replayed article",
                () -> readAll(Topics.ARTICLES_ENRICHED.name()).size() >= enrichedBefore + ids.size());
        awaitCaughtUp();
        assertEquals(storeEnd, endOffsets(Topics.ARTICLES_STORE.name()),
                "an identical re-enrichment writes nothing to articles.store");
        assertEquals(viewsAfterReplay, views());
        rawAfterReplay = readAll(Topics.ARTICLES_RAW.name());
        idsAfterReplay = Set.copyOf(ids);
    }

    @Test
    @Order(3)
    void anArticleWhoseEnrichmentFailedIsRedrivenOnceAndACorrectionStaysNewer() throws Exception {
        // enrich-service fails on an article and moves on: it writes the dead letter and commits past the record
        // (here by hand while enrich is stopped, as the failing engine would have), then a fixed engine starts.
        pipeline.enrich().close();
        String url = "https://kazpravda.kz/n/redrive-" + System.nanoTime();
        String id = post("application/json", article(url, "В Астане аким города Жанис Касымбек встретился с "
                + "жителями Есильского района. На встречу пришли более 200 человек."));
        ConsumerRecord<byte[], byte[]> raw = readAll(Topics.ARTICLES_RAW.name()).stream()
                .filter(r -> id.equals(text(r.key()))).reduce((a, b) -> b).orElseThrow();
        DeadLetter dead = DeadLetter.of("enrich-service", "enrich.extract",
                new IllegalStateException("the engine failed on this article"),
                new DeadLetter.Origin(raw.topic(), raw.partition(), raw.offset()), raw.key(), raw.value(),
                raw.headers());
        try (KafkaProducer<byte[], byte[]> producer = producer(broker)) {
            producer.send(dead.toProducerRecord()).get();
        }
        commitPast(raw);
        pipeline.enrich().restart();
        pipeline.enrich().awaitHealthy(Duration.ofSeconds(240));
        String next = post("application/json", article("https://kazpravda.kz/n/after-" + System.nanoTime(),
                "В Караганде более 400 сотрудников завода встретились с депутатом Мажилиса."));
        awaitStored(Set.of(next));
        assertEquals(404, status("api/articles/" + id), "the failed article is not in the store");

        JsonNode list = cli("dlq", "list", "--stage", "enrich.extract", "--json").json();
        assertEquals(1, list.path("total").asLong(), list.toString());
        assertEquals(id, list.path("groups").get(0).path("examples").get(0).path("id").asText());

        Run redrive = cli("dlq", "redrive", "--stage", "enrich.extract", "--json", "--no-progress");
        assertEquals(0, redrive.exit(), redrive.out() + redrive.err());
        assertEquals(1, redrive.json().path("redrivenTo").path(Topics.ARTICLES_REPLAY.name()).asLong());
        awaitStored(Set.of(id));
        JsonNode stored = getJson("api/articles/" + id);
        assertEquals(raw.offset(), stored.path("enrichment").path("sourceVersion").asLong(),
                "the redriven article keeps its raw offset as its version: " + stored.path("enrichment"));
        int articleCount = ids.size() + 2;
        awaitUntil("the timeline counts the redriven article once", () -> timelineTotal() == articleCount);
        assertEquals(1, storedRecords(id), "stored once");

        String corrected = "В Астане аким города Жанис Касымбек встретился с жителями Алматинского района.";
        HttpResponse<String> correction = send("application/json", article(url, corrected));
        assertEquals(202, correction.statusCode(), "a new text of the article is a new version: "
                + correction.body());
        awaitUntil("the correction is served", () -> corrected.equals(getJson("api/articles/" + id).path("text")
                .asText()));

        Run again = cli("dlq", "redrive", "--stage", "enrich.extract", "--json", "--no-progress");
        assertEquals(0, again.exit(), again.out() + again.err());
        awaitUntil("enrich re-enriched the redriven record", () -> readAll(Topics.ARTICLES_ENRICHED.name()).stream()
                .filter(r -> id.equals(text(r.key()))).count() == 3);
        awaitCaughtUp();
        assertEquals(corrected, getJson("api/articles/" + id).path("text").asText(),
                "an older version redriven later does not replace the correction");
        assertEquals(articleCount, timelineTotal(), "still counted once");
        assertEquals(2, storedRecords(id), "the redrive of the old version wrote nothing to articles.store");
    }

    @Test
    @Order(4)
    void aFreshPipelineFedTheSameArticlesHasTheViewsOfTheReplayedOne() throws Exception {
        pipeline.close();
        broker.close();
        pipeline = null;
        broker = KafkaBroker.inJvm();
        pipeline = startPipeline(broker, Files.createTempDirectory("aqparat-operator-e2e-fresh"));
        try (KafkaProducer<byte[], byte[]> producer = producer(broker)) {
            for (ConsumerRecord<byte[], byte[]> r : rawAfterReplay) {
                producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(), r.value(),
                        r.headers()));
            }
            producer.flush();
        }
        awaitStored(idsAfterReplay);
        awaitCaughtUp();
        awaitUntil("the fresh timeline counts every article", () -> timelineTotal() == idsAfterReplay.size());
        assertEquals(viewsAfterReplay, views());
    }

    // --- the pipeline, as a user sees it ---

    private String post(String contentType, String body) throws Exception {
        HttpResponse<String> response = send(contentType, body);
        assertEquals(202, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body()).path("id").asText();
    }

    private HttpResponse<String> send(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(pipeline.ingest().baseUri().resolve("api/articles"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + pipeline.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String article(String url, String text) throws Exception {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("source", "Kazpravda.kz");
        article.put("url", url);
        article.put("title", "Встреча");
        article.put("publishedAt", "2026-03-01");
        article.put("text", text);
        return Json.mapper().writeValueAsString(article);
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(pipeline.store().baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(pipeline.store().baseUri().resolve(path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Json.mapper().readTree(response.body());
    }

    private Map<String, JsonNode> views() throws Exception {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
            views.put(type, getJson("api/views/entities?type=" + type + "&limit=1000"));
        }
        views.put("regions", getJson("api/views/regions"));
        views.put("timeline", getJson("api/views/timeline"));
        return views;
    }

    private long timelineTotal() throws Exception {
        return getJson("api/views/timeline").findValues("articleCount").stream().mapToLong(JsonNode::asLong).sum();
    }

    private void awaitStored(Set<String> wanted) throws Exception {
        for (String id : wanted) {
            awaitUntil("article " + id + " is served", () -> status("api/articles/" + id) == 200);
        }
    }

    private long storedRecords(String id) {
        return readAll(Topics.ARTICLES_STORE.name()).stream().filter(r -> id.equals(text(r.key()))).count();
    }

    // --- Kafka, as the test checks it ---

    /**
     * Until every consumer group (enrich, store) has committed what is in its input topics: the end offset on
     * topics written without transactions (articles.raw, articles.replay), and up to the last transaction marker on
     * articles.enriched (enrich writes it in transactions, and a consumer may commit the offset of a commit marker
     * only after reading beyond it).
     */
    private void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            awaitUntil("enrich and store have processed everything", () -> {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    committed.putAll(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                            .get());
                }
                List<String> inputs = List.of(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_REPLAY.name(),
                        Topics.ARTICLES_ENRICHED.name());
                for (String topic : inputs) {
                    for (Map.Entry<TopicPartition, Long> end : endOffsets(admin, topic).entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        long slack = topic.equals(Topics.ARTICLES_ENRICHED.name()) ? 1 : 0;
                        if (end.getValue() > 0 && (at == null || at.offset() < end.getValue() - slack)) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
        Thread.sleep(1_000);
    }

    /** What enrich does after dead-lettering a record: its committed offset moves past it. */
    private void commitPast(ConsumerRecord<byte[], byte[]> record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // ingest's id index (aqparat-ingest-ids) reads articles.raw too; only enrich's live group is moved.
            String group = null;
            for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get()) {
                if (listing.groupId().equals("aqparat-enrich") && admin.listConsumerGroupOffsets(listing.groupId())
                        .partitionsToOffsetAndMetadata().get().containsKey(partition)) {
                    group = listing.groupId();
                }
            }
            assertTrue(group != null, "aqparat-enrich has no offset on " + partition);
            String enrichGroup = group;
            awaitUntil("the stopped enrich-service left its group", () -> {
                try {
                    admin.alterConsumerGroupOffsets(enrichGroup,
                            Map.of(partition, new OffsetAndMetadata(record.offset() + 1))).all().get();
                    return true;
                } catch (ExecutionException e) {
                    return false;
                }
            });
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return endOffsets(admin, topic);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            query.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(query, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    // --- the CLI, in this JVM ---

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", broker.bootstrapServers()));
        int exit = new CommandLine(new Pipeline()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    // --- helpers ---

    private List<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(layout.samples())) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private void awaitUntil(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + TIMEOUT + ": " + what + "; logs in "
                        + workDir.resolve("logs"));
            }
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
