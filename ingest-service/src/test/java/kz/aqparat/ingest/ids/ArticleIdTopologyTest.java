package kz.aqparat.ingest.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ArticleIdTopology} on Kafka's TopologyTestDriver: what it writes to {@code articles.ids} and its stores. */
class ArticleIdTopologyTest {

    private TopologyTestDriver driver;
    private IndexProgress progress;
    private TestInputTopic<String, String> raw;
    private TestOutputTopic<String, ArticleIdVersions> ids;

    @BeforeEach
    void start() {
        progress = new IndexProgress();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-ids-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ArticleIdTopology.build(progress), props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), new StringSerializer(), new StringSerializer());
        ids = driver.createOutputTopic(Topics.ARTICLE_IDS.name(), Serdes.String().deserializer(),
                new JsonSerde<>(ArticleIdVersions.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void push(String id, String fingerprint, String value) {
        TestRecord<String, String> record = new TestRecord<>(id, value);
        if (fingerprint != null) {
            record.headers().add(new RecordHeader(RecordHeaders.TEXT_FINGERPRINT,
                    fingerprint.getBytes(StandardCharsets.US_ASCII)));
        }
        raw.pipeInput(record);
    }

    private KeyValueStore<String, ArticleIdVersions> global() {
        return driver.getKeyValueStore(Stores.ARTICLE_IDS.name());
    }

    @Test
    void eachRawRecordGivesTheVersionsOfItsIdAfterIt() {
        push("a", "f1", "{}");
        push("b", "f9", "{}");
        push("a", "f2", "{}"); // a corrected text: a new version
        push("a", "f1", "{}"); // the old version again: nothing new
        List<TestRecord<String, ArticleIdVersions>> out = ids.readRecordsToList();

        assertEquals(List.of("a", "b", "a", "a"), out.stream().map(TestRecord::key).toList());
        assertEquals(List.of("f1"), out.get(0).value().versions());
        assertEquals(List.of("f1", "f2"), out.get(2).value().versions());
        assertEquals(List.of("f1", "f2"), out.get(3).value().versions());
        assertEquals(List.of(0L, 1L, 2L, 3L), out.stream().map(r -> r.value().offset()).toList());
        assertEquals(List.of(1L, 2L, 2L, 2L), out.stream().map(r -> r.value().idsInPartition()).toList());
        assertTrue(out.stream().allMatch(r -> r.headers().toArray().length == 0), "raw headers are not copied");

        assertEquals(List.of("f1", "f2"), global().get("a").versions());
        assertEquals(List.of("f9"), global().get("b").versions());
        assertEquals(3, progress.readUpTo(0));
        assertEquals(2, progress.ids());
    }

    @Test
    void aDeleteKeepsTheKnownVersionsAndADeleteOfAnUnknownIdAddsNoId() {
        push("a", "f1", "{}");
        push("a", null, null);
        push("never-seen", null, null);
        List<TestRecord<String, ArticleIdVersions>> out = ids.readRecordsToList();

        assertEquals(List.of("f1"), out.get(1).value().versions());
        assertEquals(List.of(), out.get(2).value().versions());
        assertEquals(List.of("f1"), global().get("a").versions());
        assertNull(global().get("never-seen"));
        assertEquals(2, progress.readUpTo(0), "a delete moves the partition's offset on");
        assertEquals(1, progress.ids());
    }

    @Test
    void aRecordWithoutFingerprintStandsForEveryVersion() {
        push("a", null, "{}");
        ArticleIdVersions stored = global().get("a");
        assertEquals(List.of(ArticleIdVersions.ANY_VERSION), stored.versions());
        assertTrue(stored.knows("any-fingerprint"));
    }

    @Test
    void aRecordWithoutKeyOnlyMovesTheOffsetOn() {
        push("a", "f1", "{}");
        push(null, "f2", "{}");
        List<TestRecord<String, ArticleIdVersions>> out = ids.readRecordsToList();

        assertEquals("", out.get(1).key());
        assertEquals(List.of(), out.get(1).value().versions());
        assertNull(global().get(""));
        assertEquals(1, progress.readUpTo(0));
        assertEquals(1, progress.ids());
    }

    @Test
    void everyStatefulNodeAndStoreIsNamed() {
        String description = ArticleIdTopology.build(new IndexProgress()).describe().toString();
        for (String name : List.of(ArticleIdTopology.RAW_SOURCE, ArticleIdTopology.INDEXER, ArticleIdTopology.IDS_SINK,
                ArticleIdTopology.IDS_SOURCE, ArticleIdTopology.GLOBAL_UPDATER, Stores.ARTICLE_ID_VERSIONS.name(),
                Stores.ARTICLE_IDS.name())) {
            assertTrue(description.contains(name), name + " in\n" + description);
        }
    }
}
