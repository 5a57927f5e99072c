package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * An upgrade: store-service starts on changelogs that a release storing JSON values wrote, restores its stores from
 * them, and counts on from there (writing its own format).
 */
class StoreUpgradeIT {

    private static final int PARTITIONS = 3;
    private static final String ID = "upgraded-1";
    private static final String PERSON = "Қасым-Жомарт Тоқаев";
    private static final String TEXT = "Қасым-Жомарт Тоқаев и Ерлан Карин обсудили работу Qarmet.";
    private static final Instant BEFORE = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void readsTheJsonStateOfTheReleaseBeforeAndCountsOnFromIt() throws Exception {
        String applicationId = "store-upgrade-it-" + UUID.randomUUID();
        try (KafkaBroker broker = KafkaBroker.inJvm()) {
            upgrade(broker, applicationId);
        }
    }

    private static void upgrade(KafkaBroker broker, String applicationId) throws Exception {
        new PipelineTopics(KafkaClientProperties.of(Map.of("bootstrap.servers", broker.bootstrapServers())), PARTITIONS,
                (short) 1).ensureExist();
        // The task of the article's partition restores these: the changelog partition is the input partition.
        int partition = Utils.toPositive(Utils.murmur2(ID.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
        Map<String, Map<String, Object>> oldState = Map.of(
                "article-versions", Map.of(ID, new ArticleVersion(BEFORE,
                        List.of(new EntityCount(EntityType.PERSON, PERSON, 3, 1),
                                new EntityCount(EntityType.ORGANIZATION, "Qarmet", 1, 1)),
                        List.of(new RegionCount("Астана", 1, 2)), "2026-02-18")),
                "view-entities", Map.of("PERSON:" + PERSON, new EntityCount(EntityType.PERSON, PERSON, 3, 1),
                        "ORGANIZATION:Qarmet", new EntityCount(EntityType.ORGANIZATION, "Qarmet", 1, 1)),
                "view-regions", Map.of("Астана", new RegionCount("Астана", 1, 2)),
                "view-timeline", Map.of("2026-02-18", new DayCount("2026-02-18", 1)));
        writeJsonChangelogs(broker, applicationId, partition, oldState);

        try (RunningStore store = new RunningStore(broker, false, applicationId, false)) {
            RunningStore.await(Duration.ofSeconds(90), "the restored JSON rows", () ->
                    persons(store).equals(List.of(new EntityCount(EntityType.PERSON, PERSON, 3, 1)))
                            && regions(store).equals(List.of(new RegionCount("Астана", 1, 2))));

            // Taking the old version back out of the views reads its JSON record from article-versions; the old
            // version has no source version, so any version with one is newer.
            store.produce(List.of(article(ID, "2026-02-19", TEXT, List.of(
                            entity(EntityType.PERSON, PERSON, null, TEXT, 1),
                            entity(EntityType.PERSON, "Ерлан Карин", null, TEXT, 1)),
                    List.of(), "v2", AFTER, 0)));
            List<EntityCount> expected = List.of(new EntityCount(EntityType.PERSON, "Ерлан Карин", 1, 1),
                    new EntityCount(EntityType.PERSON, PERSON, 1, 1));
            RunningStore.await(Duration.ofSeconds(90), "the views moved to the new version",
                    () -> sorted(persons(store)).equals(expected));
            assertEquals(expected, sorted(persons(store)));
            assertEquals(List.of(), regions(store));
            assertEquals(List.of(new DayCount("2026-02-19", 1)),
                    store.getJson("/api/views/timeline", new TypeReference<List<DayCount>>() { }));
            // The views answer from the cache before the commit writes the changed row to the changelog.
            RunningStore.await(Duration.ofSeconds(60), "the changed row committed, no longer as JSON",
                    () -> lastValue(broker, applicationId + "-view-entities-changelog", partition,
                            "PERSON:" + PERSON)[0] != '{');
        }
    }

    private static void writeJsonChangelogs(KafkaBroker broker, String applicationId, int partition,
                                            Map<String, Map<String, Object>> rowsByStore) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (Admin admin = Admin.create(props);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            admin.createTopics(rowsByStore.keySet().stream()
                    .map(store -> new NewTopic(applicationId + "-" + store + "-changelog", PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .toList()).all().get(60, TimeUnit.SECONDS);
            for (var store : rowsByStore.entrySet()) {
                for (var row : store.getValue().entrySet()) {
                    producer.send(new ProducerRecord<>(applicationId + "-" + store.getKey() + "-changelog",
                            partition, row.getKey().getBytes(StandardCharsets.UTF_8),
                            // What JsonSerde wrote: the same mapper.
                            Json.mapper().writeValueAsBytes(row.getValue()))).get();
                }
            }
        }
    }

    private static byte[] lastValue(KafkaBroker broker, String topic, int partition, String key) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        byte[] last = null;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        last = record.value();
                    }
                }
            }
        }
        return last;
    }

    private static List<EntityCount> persons(RunningStore store) {
        return store.getJson("/api/views/entities?type=PERSON&limit=20", new TypeReference<>() { });
    }

    private static List<RegionCount> regions(RunningStore store) {
        return store.getJson("/api/views/regions", new TypeReference<>() { });
    }

    private static List<EntityCount> sorted(List<EntityCount> rows) {
        return rows.stream().sorted(Comparator.comparing(EntityCount::name)).toList();
    }
}
