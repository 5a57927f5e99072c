package kz.aqparat.store.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Mention;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.dlq.DeadLetter;
import kz.aqparat.store.streams.DlqDeserializationHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What in {@code articles.enriched} could stop store-service for good, whoever wrote it: each record goes to
 * {@code articles.dlq} with its reason (configured as in {@code application.yml}), the next article is still
 * stored, and the largest article enrich-service may write fits every topic the store writes.
 */
class StoreHostileRecordTest {

    private static final String APPLICATION_ID = "store-hostile-test";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    /**
     * The handler of {@code application.yml}, keeping the dead letters it returns: TopologyTestDriver does not
     * produce the records a deserialization exception handler returns (StoreIT reads them from a real broker).
     */
    public static final class RecordingDlqHandler extends DlqDeserializationHandler {

        static final List<ProducerRecord<byte[], byte[]>> DEAD_LETTERS = new ArrayList<>();

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            Response response = super.handleError(context, record, exception);
            DEAD_LETTERS.addAll(response.deadLetterQueueRecords());
            return response;
        }
    }

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecordingDlqHandler.class);
        RecordingDlqHandler.DEAD_LETTERS.clear();
        driver = new TopologyTestDriver(StoreTopology.build(props, ViewListener.NONE), props);
        enriched = driver.createInputTopic(Topics.ARTICLES_ENRICHED.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        dlq = driver.createOutputTopic(Topics.ARTICLES_DLQ.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void recordsOutsideTheLimitsGoToTheDlqWithTheirReasonAndTheNextArticleIsStored() throws Exception {
        byte[] good = json(article("good", List.of(location("Алматы", "Алматы", 1))));
        byte[] tooLarge = new byte[RecordLimits.MAX_ENRICHED_VALUE_BYTES + 1];
        Arrays.fill(tooLarge, (byte) ' ');
        byte[] longKey = new byte[RecordLimits.MAX_KEY_BYTES + 1];
        Arrays.fill(longKey, (byte) 'k');
        Headers hugeHeaders = new RecordHeaders().add("padding", new byte[RecordLimits.MAX_HEADERS_BYTES]);
        byte[] longName = json(article("long-name",
                List.of(location("Я".repeat(RecordLimits.MAX_NAME_CHARS + 1), null, 0))));
        byte[] negativeCount = new String(good, StandardCharsets.UTF_8)
                .replace("\"mentions\"", "\"mentionCount\":-5,\"mentions\"").getBytes(StandardCharsets.UTF_8);

        enriched.pipeInput(new TestRecord<>(bytes("big"), tooLarge));
        enriched.pipeInput(new TestRecord<>((byte[]) null, good));
        enriched.pipeInput(new TestRecord<>(new byte[] {(byte) 0xC0, (byte) 0xAF}, good));
        enriched.pipeInput(new TestRecord<>(longKey, good));
        enriched.pipeInput(new TestRecord<>(bytes("headers"), good, hugeHeaders));
        enriched.pipeInput(new TestRecord<>(bytes("long-name"), longName));
        enriched.pipeInput(new TestRecord<>(bytes("negative"), negativeCount));
        enriched.pipeInput(new TestRecord<>(bytes("good"), good));

        assertTrue(dlq.isEmpty());
        List<TestRecord<byte[], byte[]>> dead = RecordingDlqHandler.DEAD_LETTERS.stream()
                .map(r -> new TestRecord<>(r.key(), r.value(), r.headers()))
                .toList();
        RecordingDlqHandler.DEAD_LETTERS.forEach(r -> assertEquals(Topics.ARTICLES_DLQ.name(), r.topic()));
        List<String> messages = new ArrayList<>();
        for (TestRecord<byte[], byte[]> record : dead) {
            assertEquals("store.deserialize", header(record, DlqHeaders.STAGE));
            assertEquals("store-service", header(record, DlqHeaders.SERVICE));
            messages.add(header(record, DlqHeaders.ERROR_MESSAGE));
            assertFitsTheTopic(record);
        }
        assertEquals(7, dead.size(), messages.toString());
        assertTrue(messages.get(0).contains("bytes, more than the 1000000"), messages.get(0));
        assertEquals(Integer.toString(tooLarge.length), header(dead.get(0), DlqHeaders.VALUE_TRUNCATED));
        assertEquals(RecordLimits.MAX_DLQ_VALUE_BYTES, dead.get(0).value().length);
        assertTrue(messages.get(1).contains("no key"), messages.get(1));
        assertNull(dead.get(1).key());
        assertTrue(messages.get(2).contains("not UTF-8"), messages.get(2));
        assertArrayEquals(new byte[] {(byte) 0xC0, (byte) 0xAF}, dead.get(2).key());
        assertTrue(messages.get(3).contains("key is 1025 bytes"), messages.get(3));
        assertEquals(RecordLimits.MAX_KEY_BYTES, dead.get(3).key().length);
        assertTrue(messages.get(4).contains("headers"), messages.get(4));
        assertNull(dead.get(4).headers().lastHeader("padding"));
        assertTrue(dead.get(4).headers().lastHeader(DlqHeaders.HEADERS_TRUNCATED) != null);
        assertTrue(messages.get(5).contains("entity name of 1001 characters"), messages.get(5));
        assertTrue(messages.get(6).contains("negative"), messages.get(6));
        assertArrayEquals(negativeCount, dead.get(6).value());

        assertArrayEquals(good, driver.<String, byte[]>getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("good"));
        assertEquals(1, driver.<String, Object>getKeyValueStore(Stores.ARTICLE_VERSIONS.name()).approximateNumEntries());
    }

    @Test
    void anEntityWhoseMentionListWasCutCountsItsExactMentionCount() throws Exception {
        Entity cut = new Entity(EntityType.PERSON, "Аида Балаева", List.of(), null, 120,
                List.of(new Mention(0, 12, "Аида Балаева")));
        enriched.pipeInput(bytes("cut"), json(article("cut", List.of(cut))));

        EntityCount row = driver.<String, EntityCount>getKeyValueStore(Stores.ENTITIES_VIEW.name())
                .get("PERSON:Аида Балаева");
        assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", 120, 1), row);
        assertTrue(RecordingDlqHandler.DEAD_LETTERS.isEmpty());
    }

    @Test
    void theLargestArticleFitsEveryTopicTheStoreWrites() throws Exception {
        // The worst case for the store's own records: as many distinct locations as fit, each with the longest
        // name and region allowed, so that the version record and the view rows are as large as they can be.
        List<Entity> entities = new ArrayList<>();
        EnrichedArticle article = article("largest", entities);
        for (int i = 0; json(article).length < RecordLimits.MAX_ENRICHED_VALUE_BYTES - 5000; i++) {
            entities.add(location(name('Л', i), name('Р', i), 0));
            article = article("largest", entities);
        }
        byte[] value = json(article);
        assertTrue(value.length <= RecordLimits.MAX_ENRICHED_VALUE_BYTES, value.length + " bytes");

        enriched.pipeInput(bytes("largest"), value);

        assertTrue(dlq.isEmpty());
        assertTrue(RecordingDlqHandler.DEAD_LETTERS.isEmpty());
        assertArrayEquals(value, driver.<String, byte[]>getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("largest"));
        int records = 0;
        for (String topic : driver.producedTopicNames()) {
            for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList()) {
                assertFitsTheTopic(record);
                records++;
            }
        }
        assertTrue(driver.producedTopicNames().contains(APPLICATION_ID + "-article-versions-changelog"),
                driver.producedTopicNames().toString());
        assertTrue(records > 2 * entities.size(), records + " records");
    }

    private static String name(char letter, int i) {
        String number = Integer.toString(i);
        return String.valueOf(letter).repeat(RecordLimits.MAX_NAME_CHARS - number.length()) + number;
    }

    private static Entity location(String name, String region, int mentions) {
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            found.add(new Mention(0, name.length(), name));
        }
        return new Entity(EntityType.LOCATION, name, List.of(), region, found);
    }

    private static EnrichedArticle article(String id, List<Entity> entities) {
        return new EnrichedArticle(id, "Kazpravda.kz", null, "Заголовок", "2026-02-18", "ru", "Алматы.",
                Instant.parse("2026-03-01T08:00:00Z"), entities, List.of(), List.of(), List.of(),
                new kz.aqparat.contracts.Enrichment("v1", Instant.parse("2026-03-01T08:00:01Z")));
    }

    /** Within the topics' max.message.bytes and Kafka's default 1 MiB, in a batch of its own. */
    private static void assertFitsTheTopic(TestRecord<byte[], byte[]> record) {
        long size = 61 + 21 + (record.key() == null ? 0 : record.key().length)
                + (record.value() == null ? 0 : record.value().length) + DeadLetter.size(record.headers());
        assertTrue(size <= 1024 * 1024 && size <= RecordLimits.MAX_RECORD_BYTES, size + " bytes");
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertTrue(header != null, "no header " + name + " on " + record);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] json(EnrichedArticle article) throws Exception {
        return Json.mapper().writeValueAsBytes(article);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
