package kz.aqparat.service.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kz.aqparat.contracts.Topics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code articles.raw} as {@link PipelineTopics} creates it keeps a record whose timestamp is 30 days old after the
 * broker's retention has run, on a broker with the default 7-day retention that checks every 200 ms; the same record
 * on a topic created with the broker's defaults is deleted by the same checks (so this test can fail).
 *
 * <p>Kafka deletes whole closed segments whose newest timestamp is older than the retention. The old record is
 * the first of an empty partition, and the next record rolls the segment (a segment is rolled once its first
 * timestamp is older than {@code segment.ms}, 7 days): the old record is then alone in a closed segment, which
 * the retention check deletes on a topic with a 7-day retention. The records after it fill a few 1 MiB segments.
 */
class RawRetentionIT {

    private static final String BROKER_DEFAULT_TOPIC = "retention.broker-default";
    private static final Instant OLD = Instant.now().minus(Duration.ofDays(30));

    private static KafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.inJvm(Map.of(
                "log.retention.check.interval.ms", "200",
                // The log manager starts its retention checks this long after start-up (default 30 s).
                "log.initial.task.delay.ms", "100",
                "log.segment.bytes", Integer.toString(1024 * 1024),
                "log.retention.hours", "168"));
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aThirtyDayOldRecordStaysInArticlesRawAfterRetentionRan() throws Exception {
        new PipelineTopics(KafkaClientProperties.of(Map.of("bootstrap.servers", broker.bootstrapServers())),
                2, (short) 1).ensureExist();
        admin.createTopics(List.of(new NewTopic(BROKER_DEFAULT_TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

        for (String topic : List.of(Topics.ARTICLES_RAW.name(), BROKER_DEFAULT_TOPIC)) {
            writeOldRecordThenMore(topic);
        }
        TopicPartition control = new TopicPartition(BROKER_DEFAULT_TOPIC, 0);
        TopicPartition raw = new TopicPartition(Topics.ARTICLES_RAW.name(), 0);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (startOffset(control) == 0) {
            assertTrue(System.nanoTime() < deadline,
                    "the broker's retention never deleted the old record of the topic with its 7-day default");
            Thread.sleep(200);
        }
        // The same checks have run over articles.raw's partitions since: wait for two more intervals anyway.
        Thread.sleep(1000);

        assertEquals(0, startOffset(raw), "articles.raw lost its oldest records");
        ConsumerRecord<String, String> first = firstRecord(raw);
        assertEquals("old-article", first.key());
        assertEquals(OLD.toEpochMilli(), first.timestamp());
        assertTrue(startOffset(control) >= 1, "the control topic still starts at the old record");
    }

    private static void writeOldRecordThenMore(String topic) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        String filler = "x".repeat(10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, OLD.toEpochMilli(), "old-article", "{\"text\":\"old\"}"))
                    .get();
            for (int i = 0; i < 250; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "new-" + i, filler));
            }
            producer.flush();
        }
    }

    private static long startOffset(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.earliest()))
                .partitionResult(partition).get(10, TimeUnit.SECONDS).offset();
    }

    private static ConsumerRecord<String, String> firstRecord(TopicPartition partition) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
            throw new AssertionError("no record in " + partition);
        }
    }
}
