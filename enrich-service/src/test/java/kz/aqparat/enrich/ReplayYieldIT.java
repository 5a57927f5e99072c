package kz.aqparat.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.enrich.replay.ReplayOffsetsHandover;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay gives way to new articles: enrich-service against a real broker, with a downstream group that is far
 * behind on {@code articles.enriched}. The replay application stays paused while that group lags and goes on once
 * it has caught up, while new articles on {@code articles.raw} are enriched all along.
 */
class ReplayYieldIT {

    private static final String DOWNSTREAM = "downstream-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;

    private static KafkaBroker broker;
    private static ApplicationContext context;
    private static URI base;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.inJvm();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        context = ApplicationContext.run(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "aqparat.auth.public-management", true,
                "micronaut.server.port", -1,
                "kafka.streams.default.state.dir", stateDir.toString(),
                "kafka.streams.default.application.id", "replay-yield-it-" + UUID.randomUUID(),
                "aqparat.topic.partitions", 2,
                "aqparat.enrich.replay.yield.watch", List.of(DOWNSTREAM + "=" + Topics.ARTICLES_ENRICHED.name()),
                "aqparat.enrich.replay.yield.max-lag", 5,
                "aqparat.enrich.replay.yield.resume-lag", 0,
                "aqparat.enrich.replay.yield.interval", "100ms"));
        base = context.getBean(EmbeddedServer.class).start().getURI();
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theReplayWaitsWhileTheGroupBehindLagsAndNewArticlesDoNot() throws Exception {
        await(() -> get("/health").statusCode() == 200, "enrich-service never healthy");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // The downstream group is 10 records behind on articles.enriched: the replay must pause.
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), bytes("backlog-" + i),
                        article("backlog-" + i))).get();
            }
            await(() -> endOffsets(Topics.ARTICLES_ENRICHED.name()).values().stream()
                    .mapToLong(Long::longValue).sum() >= 10, "backlog never enriched");
            commit(DOWNSTREAM, Map.of(0, 0L, 1, 0L));
            await(() -> metric("aqparat_enrich_replay_paused") == 1.0, "the replay never paused");

            for (int i = 0; i < 4; i++) {
                var copy = new ProducerRecord<>(Topics.ARTICLES_REPLAY.name(), bytes("replayed-" + i),
                        article("replayed-" + i));
                copy.headers().add(RecordHeaders.SOURCE_OFFSET, bytes(Long.toString(1000 + i)));
                producer.send(copy).get();
            }
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), bytes("new-1"), article("new-1"))).get();

            try (KafkaConsumer<byte[], byte[]> enriched = consumer()) {
                Set<String> seen = new HashSet<>();
                Instant deadline = Instant.now().plusSeconds(60);
                while (!seen.contains("new-1") && Instant.now().isBefore(deadline)) {
                    enriched.poll(Duration.ofMillis(200)).forEach(r -> seen.add(key(r.key())));
                }
                assertTrue(seen.contains("new-1"), "a new article was held up by a paused replay");
                // Another 2 s: the replay application is paused, so none of its records may come out.
                Instant quiet = Instant.now().plusSeconds(2);
                while (Instant.now().isBefore(quiet)) {
                    enriched.poll(Duration.ofMillis(200)).forEach(r -> seen.add(key(r.key())));
                }
                assertTrue(seen.stream().noneMatch(k -> k.startsWith("replayed-")),
                        "replayed while the group behind lagged: " + seen);
                assertEquals(1.0, metric("aqparat_enrich_replay_paused"));

                // The group catches up: the replay goes on and every copy is enriched.
                commit(DOWNSTREAM, endOffsets(Topics.ARTICLES_ENRICHED.name()));
                deadline = Instant.now().plusSeconds(60);
                while (seen.stream().filter(k -> k.startsWith("replayed-")).count() < 4
                        && Instant.now().isBefore(deadline)) {
                    enriched.poll(Duration.ofMillis(200)).forEach(r -> seen.add(key(r.key())));
                }
                assertEquals(4, seen.stream().filter(k -> k.startsWith("replayed-")).count(), seen.toString());
            }
        }
        assertTrue(metric("aqparat_enrich_replay_pauses_total") >= 1);
    }

    @Test
    void theOffsetsOfAnEarlierReleaseOnTheReplayTopicMoveToTheReplayGroup() throws Exception {
        String live = "handover-live-" + UUID.randomUUID();
        String replay = live + "-replay";
        TopicPartition replay0 = new TopicPartition(Topics.ARTICLES_REPLAY.name(), 0);
        TopicPartition raw0 = new TopicPartition(Topics.ARTICLES_RAW.name(), 0);
        admin.alterConsumerGroupOffsets(live, Map.of(replay0, new OffsetAndMetadata(0),
                raw0, new OffsetAndMetadata(0))).all().get(10, TimeUnit.SECONDS);

        ReplayOffsetsHandover.run(admin, live, replay, Duration.ofSeconds(10));

        Map<TopicPartition, OffsetAndMetadata> liveOffsets = offsets(live);
        assertEquals(Set.of(raw0), liveOffsets.keySet(), "the live group keeps its own topic only");
        assertEquals(Map.of(replay0, 0L), offsetValues(offsets(replay)));
        // Run again (every start does): nothing changes.
        ReplayOffsetsHandover.run(admin, live, replay, Duration.ofSeconds(10));
        assertEquals(Map.of(replay0, 0L), offsetValues(offsets(replay)));
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
        offsets.values().removeIf(v -> v == null);
        return offsets;
    }

    private static Map<TopicPartition, Long> offsetValues(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> values = new HashMap<>();
        offsets.forEach((tp, o) -> values.put(tp, o.offset()));
        return values;
    }

    private static void commit(String group, Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((p, o) -> commit.put(new TopicPartition(Topics.ARTICLES_ENRICHED.name(), p),
                new OffsetAndMetadata(o)));
        admin.alterConsumerGroupOffsets(group, commit).all().get(10, TimeUnit.SECONDS);
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 2; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] article(String id) {
        try {
            return Json.mapper().writeValueAsBytes(new RawArticle(id, null, null, null, "2026-02-18", "ru",
                    "Аким Карагандинской области Ермаганбет Булекпаев встретился с жителями Темиртау.",
                    Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-yield-it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED.name()));
        return consumer;
    }

    private static double metric(String name) {
        return get("/prometheus").body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), failure);
            Thread.sleep(100);
        }
    }

    private static String key(byte[] key) {
        return key == null ? "" : new String(key, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
