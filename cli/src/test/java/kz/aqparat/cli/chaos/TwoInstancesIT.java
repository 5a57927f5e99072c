package kz.aqparat.cli.chaos;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.KafkaClients;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of every service as real processes ({@link LocalPipeline}, as {@code ./pipeline up --instances 2}
 * starts them) on a real broker: each instance on its own port with its own Streams state directory, the two of a
 * service under one application id, the stores advertising themselves ({@code application.server}).
 *
 * <ol>
 *   <li>Kafka spreads the partitions of enrich and store over both of their instances.</li>
 *   <li>An article pushed to one ingest is a duplicate at the other, whichever is first.</li>
 *   <li>The same article pushed to both ingests at the same instant is written to {@code articles.raw} once and
 *       stored once.</li>
 *   <li>Articles spread over both ingests are each enriched once (one committed record of
 *       {@code articles.enriched} per record of {@code articles.raw}), and both stores answer
 *       {@code GET /api/articles/{id}} and every view with the same JSON, equal to the views recomputed from
 *       {@code articles.store}.</li>
 *   <li>One instance of each service killed with SIGKILL in the middle of a stream of pushes (which goes on to
 *       the surviving ingest): the survivors take over the partitions and nothing accepted is lost, enriched twice
 *       or stored twice.</li>
 * </ol>
 *
 * <p>SIGKILL rather than SIGTERM: a crash is the case where nothing is handed over: the instance's open transactions
 * are aborted, not committed, its partitions move only once the group coordinator gives up on it (the session
 * timeout), and the survivor rebuilds the moved store partitions from their changelogs. An ordered stop does less
 * of each (it commits and flushes; Kafka Streams does not leave the group on close either), so it is covered by this
 * one. The services get a 10 s session timeout instead of the default 45 s only to keep the wait short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final int PARTITIONS = 4;
    private static final String ENRICH_GROUP = "aqparat-enrich";
    private static final String STORE_GROUP = "aqparat-store-v3";
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final RepoLayout layout = RepoLayout.find();
    private KafkaBroker broker;
    private LocalPipeline pipeline;
    private StoreAudit audit;
    private TopicTally enriched;
    /** Committed records of {@code articles.enriched} per id, by source version (the raw offset). */
    private final Map<String, Map<Long, Integer>> enrichedVersions = new HashMap<>();
    private ChaosArticles articles;
    /** Every article an ingest accepted, in push order. */
    private final Set<String> accepted = new LinkedHashSet<>();
    private long next;

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.inJvm();
        Path dir = layout.root().resolve("cli/target/two-instances-it");
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, "run-");
        LocalPipeline.Instances ports = new LocalPipeline.Instances(
                List.of(FreePorts.next(), FreePorts.next()), List.of(FreePorts.next(), FreePorts.next()),
                List.of(FreePorts.next(), FreePorts.next()));
        pipeline = LocalPipeline.start(layout, broker.bootstrapServers(), ports, work, Map.of(
                "AQPARAT_TOPIC_PARTITIONS", Integer.toString(PARTITIONS),
                "KAFKA_STREAMS_DEFAULT_SESSION_TIMEOUT_MS", "10000"), HEALTH_TIMEOUT);
        audit = new StoreAudit(broker.bootstrapServers(), () -> store(0).baseUri());
        enriched = new TopicTally(broker.bootstrapServers(), Topics.ARTICLES_ENRICHED.name(), this::onEnriched);
        articles = new ChaosArticles(layout.samples(), "two-instances-" + System.nanoTime(), 12);
    }

    @AfterAll
    void stop() throws Exception {
        if (audit != null) {
            audit.close();
        }
        if (enriched != null) {
            enriched.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void kafkaSpreadsThePartitionsOverBothInstancesOfEnrichAndStore() throws Exception {
        for (String group : List.of(ENRICH_GROUP, STORE_GROUP)) {
            awaitTrue(group + ": two members, each with partitions", () -> {
                List<MemberDescription> members = members(group);
                return members.size() == 2 && members.stream().allMatch(m -> !m.assignment().topicPartitions()
                        .isEmpty());
            });
        }
    }

    @Test
    @Order(2)
    void anArticlePushedToOneIngestIsADuplicateAtTheOther() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long n = next++;
            ServiceProcess first = ingest(i % 2);
            ServiceProcess second = ingest((i + 1) % 2);
            long known = indexedIds(second);
            Answer a = push(first, n);
            // The other instance answers from its copy of the id index, which follows articles.raw: a push there is
            // a duplicate once that copy has the version (within a second or so; what it waits for is
            // articles.ids, not a timer).
            awaitTrue(second.name() + "'s index shows the push to " + first.name(),
                    () -> indexedIds(second) > known);
            Answer b = push(second, n);
            if (a.code == 202) {
                accepted.add(a.id);
            }
            if (a.code != 202 || !"accepted".equals(a.status) || b.code != 200 || !"duplicate".equals(b.status)) {
                problems.add(articles.id(n) + ": " + a + ", then " + b);
            }
        }
        assertEquals(List.of(), problems,
                "the first push is accepted, the second, at the other ingest, is a duplicate");
        assertTrue(audit.catchUp(Duration.ofSeconds(30)));
        for (String id : accepted) {
            assertEquals(1, audit.rawCount(id), id + " in articles.raw");
        }
    }

    @Test
    @Order(3)
    void theSameArticlePushedToBothIngestsAtOnceIsStoredOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        /** Per article the two answers, e.g. "202 accepted / 200 duplicate" (ingest, then ingest-2). */
        Map<String, Long> outcomes = new TreeMap<>();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                long n = next++;
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Answer> a = both.submit(() -> {
                    together.await();
                    return push(ingest(0), n);
                });
                Future<Answer> b = both.submit(() -> {
                    together.await();
                    return push(ingest(1), n);
                });
                Answer first = a.get();
                Answer second = b.get();
                String id = articles.id(n);
                ids.add(id);
                outcomes.merge(first.code + " " + first.status + " / " + second.code + " " + second.status, 1L,
                        Long::sum);
                assertTrue(first.code == 202 || first.code == 200, first.toString());
                assertTrue(second.code == 202 || second.code == 200, second.toString());
                accepted.add(id);
            }
        } finally {
            both.shutdownNow();
        }
        awaitStored(ids);
        assertTrue(audit.catchUp(Duration.ofSeconds(30)));
        Map<String, Integer> rawCopies = new TreeMap<>();
        Map<String, Integer> storeCopies = new TreeMap<>();
        for (String id : ids) {
            if (audit.rawCount(id) != 1) {
                rawCopies.put(id, audit.rawCount(id));
            }
            if (audit.storeCount(id) != 1) {
                storeCopies.put(id, audit.storeCount(id));
            }
        }
        long noneAccepted = outcomes.getOrDefault("200 duplicate / 200 duplicate", 0L);
        // Each instance claims a version in its own memory until its copy of the index shows it, so two pushes of
        // the same article at the same instant may both be written to articles.raw (same key, same text); the
        // store keeps one (a second record of the same text is a duplicate there). Not asserted, but reported:
        // docs/cli.md, "Several instances".
        System.out.printf("TwoInstancesIT: same article to both ingests at once, %d of %d written twice to "
                + "articles.raw; answers (ingest, ingest-2): %s%n", rawCopies.size(), ids.size(), outcomes);
        assertAll(
                () -> assertEquals(Map.of(), storeCopies, "one record per article in articles.store"),
                () -> assertEquals(List.of(), audit.unreadable(store(0).baseUri(), ids), store(0).name()),
                () -> assertEquals(List.of(), audit.unreadable(store(1).baseUri(), ids), store(1).name()),
                () -> assertTrue(rawCopies.values().stream().allMatch(copies -> copies <= 2),
                        "at most one record per instance in articles.raw: " + rawCopies),
                () -> assertEquals(0, noneAccepted, "one of the two pushes is accepted; answers (ingest, "
                        + "ingest-2): " + outcomes));
    }

    @Test
    @Order(4)
    void articlesSpreadOverBothIngestsAreEnrichedOnceAndBothStoresAnswerAlike() throws Exception {
        pushSpread(40, List.of(ingest(0), ingest(1)));
        awaitStored(accepted);
        awaitViews(store(0));
        awaitViews(store(1));
        assertEnrichedOncePerRawRecord();
        assertStoresAnswerAlike();
    }

    @Test
    @Order(5)
    void killingOneInstanceOfEachMidLoadLosesNothing() throws Exception {
        // Sixty new articles four at a time, the first twenty spread over both ingests, the rest to the first; once
        // the first twenty are answered, the second instance of each service is killed while the pushes, and so
        // enrich's and store's work on every partition, go on.
        long[] notYetStored = {-1};
        push(60, i -> i < 20 ? ingest(i % 2) : ingest(0), 20, () -> {
            for (String service : LocalPipeline.SERVICES) {
                pipeline.instances(service).get(1).kill();
            }
            for (String service : LocalPipeline.SERVICES) {
                try {
                    assertTrue(pipeline.instances(service).get(1).process().process().waitFor(30,
                            java.util.concurrent.TimeUnit.SECONDS), service + "-2 killed");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            audit.catchUp(Duration.ofSeconds(10));
            notYetStored[0] = accepted.stream().filter(id -> !audit.storedIds().contains(id)).count();
        });
        System.out.println("TwoInstancesIT: at the kill, " + notYetStored[0] + " accepted articles were not in "
                + Topics.ARTICLES_STORE.name() + " yet");
        // What a reader meets before the partitions have moved (docs/cli.md, "Several instances").
        Map<Integer, Integer> meanwhile = new TreeMap<>();
        for (String id : accepted) {
            meanwhile.merge(status(store(0), "api/articles/" + id), 1, Integer::sum);
        }
        System.out.println("TwoInstancesIT: right after the kill, " + store(0).name()
                + " answered GET /api/articles/{id} of the accepted articles with (status=count) " + meanwhile);

        for (String group : List.of(ENRICH_GROUP, STORE_GROUP)) {
            awaitTrue(group + ": one member left, holding every partition", () -> {
                List<MemberDescription> members = members(group);
                return members.size() == 1 && !members.get(0).assignment().topicPartitions().isEmpty();
            });
        }
        awaitStored(accepted);
        awaitViews(store(0));
        assertTrue(audit.catchUp(Duration.ofSeconds(30)));
        assertEquals(accepted, audit.storedIds(), "every accepted article is in articles.store, and nothing else");
        assertEquals(Map.of(), audit.doubledInStore(), "no article stored twice");
        assertEquals(List.of(), audit.unparseable());
        assertEquals(0, audit.dlqRecords(), "nothing in articles.dlq");
        assertEnrichedOncePerRawRecord();
        for (ServiceProcess survivor : List.of(ingest(0), pipeline.enrich(), store(0))) {
            assertTrue(survivor.process().isAlive(), survivor.name());
            survivor.awaitHealthy(Duration.ofSeconds(30));
        }
    }

    /** Pushes {@code count} new articles, in turn to each of {@code ingests}, four at a time; all must be accepted. */
    private void pushSpread(int count, List<ServiceProcess> ingests) throws Exception {
        push(count, i -> ingests.get(i % ingests.size()), -1, () -> { });
    }

    /**
     * Pushes {@code count} new articles, article {@code i} to {@code ingestOf(i)}, four at a time; all must be
     * accepted. Once the first {@code thenAfter} are answered, runs {@code then} while the rest go on.
     */
    private void push(int count, java.util.function.IntFunction<ServiceProcess> ingestOf, int thenAfter,
                      Runnable then) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long n = next++;
                ServiceProcess ingest = ingestOf.apply(i);
                answers.add(CompletableFuture.supplyAsync(() -> push(ingest, n), pool));
            }
            for (int i = 0; i < count; i++) {
                if (i == thenAfter) {
                    then.run();
                }
                Answer a = answers.get(i).get();
                assertEquals(202, a.code, a.toString());
                accepted.add(a.id);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertEnrichedOncePerRawRecord() {
        assertTrue(audit.catchUp(Duration.ofSeconds(30)));
        assertTrue(enriched.catchUp(Duration.ofSeconds(30)));
        Map<String, String> wrong = new TreeMap<>();
        synchronized (enrichedVersions) {
            for (String id : accepted) {
                Map<Long, Integer> versions = enrichedVersions.getOrDefault(id, Map.of());
                int records = versions.values().stream().mapToInt(Integer::intValue).sum();
                if (records != audit.rawCount(id) || versions.values().stream().anyMatch(c -> c != 1)) {
                    wrong.put(id, "raw records " + audit.rawCount(id) + ", enriched by source version " + versions);
                }
            }
        }
        assertEquals(Map.of(), wrong, "each record of articles.raw is enriched exactly once");
    }

    private void assertStoresAnswerAlike() throws Exception {
        Map<String, String> differ = new TreeMap<>();
        for (String id : accepted) {
            JsonNode a = getJson(store(0), "api/articles/" + id);
            JsonNode b = getJson(store(1), "api/articles/" + id);
            if (!a.equals(b)) {
                differ.put(id, store(0).name() + " " + a + " / " + store(1).name() + " " + b);
            }
        }
        assertEquals(Map.of(), differ, "both stores answer every article alike");
        for (String path : List.of("api/views/entities?type=PERSON&limit=1000",
                "api/views/entities?type=ORGANIZATION&limit=1000", "api/views/entities?type=LOCATION&limit=1000",
                "api/views/regions", "api/views/timeline", "api/articles?limit=1000")) {
            JsonNode a = getJson(store(0), path);
            assertFalse(a.isEmpty(), path + " is not empty");
            assertEquals(a, getJson(store(1), path), path + " is the same on both stores");
        }
        assertEquals(accepted.size(), getJson(store(0), "api/articles?limit=1000").path("articles").size(),
                "the article search lists every accepted article");
    }

    /** Until both stores serve every id, and {@code articles.store} holds each. */
    private void awaitStored(java.util.Collection<String> ids) throws Exception {
        List<ServiceProcess> stores = pipeline.instances(LocalPipeline.STORE).stream()
                .filter(s -> s.process().isAlive()).toList();
        awaitTrue("every accepted article is served by " + stores.stream().map(ServiceProcess::name).toList(), () -> {
            audit.catchUp(Duration.ofSeconds(10));
            return audit.storedIds().containsAll(ids)
                    && stores.stream().allMatch(s -> audit.unreadable(s.baseUri(), ids).isEmpty());
        });
    }

    /** Until the store's views equal the views recomputed from {@code articles.store}. */
    private void awaitViews(ServiceProcess store) throws Exception {
        String[] last = {null};
        try {
            awaitTrue(store.name() + "'s views are those of the stored articles", () -> {
                audit.catchUp(Duration.ofSeconds(10));
                last[0] = audit.viewMismatch(store.baseUri());
                return last[0] == null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + last[0], e);
        }
        assertNull(last[0]);
    }

    private void onEnriched(String id, byte[] value) {
        if (id == null || value == null) {
            return;
        }
        try {
            EnrichedArticle article = Json.mapper().readValue(value, EnrichedArticle.class);
            Long version = article.enrichment() == null ? null : article.enrichment().sourceVersion();
            synchronized (enrichedVersions) {
                enrichedVersions.computeIfAbsent(id, k -> new TreeMap<>()).merge(version == null ? -1L : version, 1,
                        Integer::sum);
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable record of articles.enriched for " + id, e);
        }
    }

    private List<MemberDescription> members(String group) throws Exception {
        try (Admin admin = KafkaClients.admin(broker.bootstrapServers(), 10_000)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group);
            return List.copyOf(description.members());
        }
    }

    /** The versions in {@code ingest}'s copy of the id index ({@code /health} details, {@code articleIds.ids}). */
    private long indexedIds(ServiceProcess ingest) throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(ingest.baseUri().resolve("health"))
                .header("Authorization", "Bearer " + pipeline.apiKey()).timeout(Duration.ofSeconds(15)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(health.body()).at("/details/articleIds/details/ids").asLong(-1);
    }

    private ServiceProcess ingest(int i) {
        return pipeline.instances(LocalPipeline.INGEST).get(i);
    }

    private ServiceProcess store(int i) {
        return pipeline.instances(LocalPipeline.STORE).get(i);
    }

    private record Answer(String instance, int code, String id, String status, String body) {
        @Override
        public String toString() {
            return instance + " " + code + " " + (status == null ? body : status);
        }
    }

    private Answer push(ServiceProcess ingest, long n) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.baseUri()
                            .resolve("api/articles"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + pipeline.apiKey())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(articles.json(n))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = null;
            String status = null;
            if (response.statusCode() == 200 || response.statusCode() == 202) {
                JsonNode body = Json.mapper().readTree(response.body());
                id = body.path("id").asText();
                status = body.path("status").asText();
            }
            return new Answer(ingest.name(), response.statusCode(), id, status, response.body());
        } catch (Exception e) {
            return new Answer(ingest.name(), -1, null, null, e.toString());
        }
    }

    private JsonNode getJson(ServiceProcess store, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(store.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), store.name() + " " + path + ": " + response.body());
        return Json.mapper().readTree(response.body());
    }

    private int status(ServiceProcess store, String path) {
        try {
            return http.send(HttpRequest.newBuilder(store.baseUri().resolve(path)).timeout(Duration.ofSeconds(15))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Until {@code check} holds; an exception (a broker or instance not answering yet) counts as not yet. */
    private static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + SETTLE_TIMEOUT + ": " + what
                        + (last == null ? "" : " (last error: " + last + ")"), last);
            }
            Thread.sleep(500);
        }
    }
}
