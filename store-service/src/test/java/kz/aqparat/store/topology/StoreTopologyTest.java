package kz.aqparat.store.topology;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Store;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTopologyTest {

    private static final String TEXT_1 = "Аида Балаева встретилась с работниками Qarmet в Темиртау. "
            + "Аида Балаева отметила, что в Карагандинской области работают более 400 сотрудников Qarmet.";
    private static final String TEXT_2 = "Аким Астаны Жениса Касымбек открыл школу. Женис Касымбек и Аида Балаева "
            + "обсудили планы Министерства просвещения.";

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path stateDirs;

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EnrichedArticle> store;
    private final List<String> liveEvents = new ArrayList<>();

    @BeforeEach
    void start() {
        driver = newDriver();
        enriched = driver.createInputTopic(Topics.ARTICLES_ENRICHED.name(), new StringSerializer(),
                new JsonSerde<>(EnrichedArticle.class).serializer());
        store = driver.createOutputTopic(Topics.ARTICLES_STORE.name(), new StringDeserializer(),
                new JsonSerde<>(EnrichedArticle.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private TopologyTestDriver newDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(stateDirs, "driver").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(StoreTopology.build(new ViewListener() {
            @Override
            public void entityChanged(String key, EntityCount count) {
                liveEvents.add(key + "=" + (count == null ? "gone" : count.articleCount()));
            }
        }), props);
    }

    static EnrichedArticle first() {
        return article("a1", "2026-02-18", TEXT_1, List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, TEXT_1, 2),
                entity(EntityType.ORGANIZATION, "Qarmet", null, TEXT_1, 2),
                entity(EntityType.LOCATION, "Темиртау", "Карагандинская область", TEXT_1, 1)),
                List.of("Карагандинская область"), "v1", T1);
    }

    static EnrichedArticle second() {
        return article("a2", "2026-02-18T09:30:00+05:00", TEXT_2, List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, TEXT_2, 1),
                entity(EntityType.LOCATION, "Астаны", "Астана", TEXT_2, 1)),
                List.of("Астана"), "v1", T1);
    }

    /** The first article re-enriched: Qarmet and the region are gone, a person is added, a mention is lost. */
    static EnrichedArticle firstReEnriched() {
        return article("a1", "2026-02-18", TEXT_1, List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, TEXT_1, 1),
                entity(EntityType.PERSON, "Темиртау", null, TEXT_1, 1)),
                List.of(), "v2", T2);
    }

    private <V> Map<String, V> rows(Store<String, V> store) {
        return rows(driver, store);
    }

    private static <V> Map<String, V> rows(TopologyTestDriver driver, Store<String, V> store) {
        KeyValueStore<String, V> kv = driver.getKeyValueStore(store.name());
        Map<String, V> rows = new TreeMap<>();
        try (KeyValueIterator<String, V> all = kv.all()) {
            all.forEachRemaining(entry -> rows.put(entry.key, entry.value));
        }
        return rows;
    }

    private Map<Store<String, ?>, Map<String, ?>> allViews(TopologyTestDriver driver) {
        return Map.of(Stores.ENTITIES_VIEW, rows(driver, Stores.ENTITIES_VIEW),
                Stores.REGIONS_VIEW, rows(driver, Stores.REGIONS_VIEW),
                Stores.TIMELINE_VIEW, rows(driver, Stores.TIMELINE_VIEW));
    }

    @Test
    void countsOneArticle() {
        enriched.pipeInput("a1", first());

        assertEquals(Map.of(
                "PERSON:Аида Балаева", new EntityCount(EntityType.PERSON, "Аида Балаева", 2, 1),
                "ORGANIZATION:Qarmet", new EntityCount(EntityType.ORGANIZATION, "Qarmet", 2, 1),
                "LOCATION:Темиртау", new EntityCount(EntityType.LOCATION, "Темиртау", 1, 1)),
                rows(Stores.ENTITIES_VIEW));
        assertEquals(Map.of("Карагандинская область", new RegionCount("Карагандинская область", 1, 1)),
                rows(Stores.REGIONS_VIEW));
        assertEquals(Map.of("2026-02-18", new DayCount("2026-02-18", 1)), rows(Stores.TIMELINE_VIEW));
        assertEquals(first(), driver.getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("a1"));
        assertEquals(List.of(KeyValue.pair("a1", first())), store.readKeyValuesToList());
        assertTrue(liveEvents.contains("PERSON:Аида Балаева=1"), liveEvents.toString());
    }

    @Test
    void countsAcrossArticles() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());

        assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", 3, 2),
                rows(Stores.ENTITIES_VIEW).get("PERSON:Аида Балаева"));
        assertEquals(Map.of("Карагандинская область", new RegionCount("Карагандинская область", 1, 1),
                "Астана", new RegionCount("Астана", 1, 1)), rows(Stores.REGIONS_VIEW));
        assertEquals(Map.of("2026-02-18", new DayCount("2026-02-18", 2)), rows(Stores.TIMELINE_VIEW));
    }

    @Test
    void theSameArticleTwiceLeavesIdenticalCounts() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());
        Map<Store<String, ?>, Map<String, ?>> once = allViews(driver);

        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());
        enriched.pipeInput("a1", first());

        assertEquals(once, allViews(driver));
        assertEquals(2, rows(Stores.ENTITIES_VIEW).get("PERSON:Аида Балаева").articleCount());
    }

    @Test
    void aReEnrichedVersionCountsAsIfOnlyItExisted() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());
        enriched.pipeInput("a1", firstReEnriched());
        Map<Store<String, ?>, Map<String, ?>> afterReEnrichment = allViews(driver);

        Map<Store<String, ?>, Map<String, ?>> onlyLatest;
        try (TopologyTestDriver fresh = newDriver()) {
            TestInputTopic<String, EnrichedArticle> input = fresh.createInputTopic(Topics.ARTICLES_ENRICHED.name(),
                    new StringSerializer(), new JsonSerde<>(EnrichedArticle.class).serializer());
            input.pipeInput("a2", second());
            input.pipeInput("a1", firstReEnriched());
            onlyLatest = allViews(fresh);
        }
        assertEquals(onlyLatest, afterReEnrichment);
        Map<String, EntityCount> entities = rows(Stores.ENTITIES_VIEW);
        assertFalse(entities.containsKey("ORGANIZATION:Qarmet"), entities.toString());
        assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", 2, 2), entities.get("PERSON:Аида Балаева"));
        assertFalse(rows(Stores.REGIONS_VIEW).containsKey("Карагандинская область"));
        assertTrue(liveEvents.contains("ORGANIZATION:Qarmet=gone"), liveEvents.toString());
    }

    @Test
    void theStoreTopicAndStoreHoldTheLatestVersion() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a1", firstReEnriched());

        List<KeyValue<String, EnrichedArticle>> written = store.readKeyValuesToList();
        assertEquals(KeyValue.pair("a1", firstReEnriched()), written.get(written.size() - 1));
        assertEquals(firstReEnriched(), driver.getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("a1"));
    }

    @Test
    void anOlderVersionArrivingLateIsDropped() {
        enriched.pipeInput("a1", firstReEnriched());
        Map<Store<String, ?>, Map<String, ?>> latest = allViews(driver);
        store.readKeyValuesToList();

        enriched.pipeInput("a1", first());

        assertEquals(latest, allViews(driver));
        assertTrue(store.isEmpty(), "an older version must not reach articles.store");
        assertEquals(firstReEnriched(), driver.getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("a1"));
    }

    @Test
    void aTombstoneRemovesTheArticleAndItsCounts() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());
        enriched.pipeInput("a1", (EnrichedArticle) null);

        assertNull(driver.getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("a1"));
        assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", 1, 1),
                rows(Stores.ENTITIES_VIEW).get("PERSON:Аида Балаева"));
        assertEquals(Map.of("Астана", new RegionCount("Астана", 1, 1)), rows(Stores.REGIONS_VIEW));
        List<KeyValue<String, EnrichedArticle>> written = store.readKeyValuesToList();
        assertEquals(KeyValue.pair("a1", null), written.get(written.size() - 1));
    }

    @Test
    void anArticleWithoutAPublicationDateIsCountedUnderUnknown() {
        EnrichedArticle undated = article("a3", null, TEXT_2, List.of(), List.of(), "v1", T1);
        enriched.pipeInput("a3", undated);

        assertEquals(Map.of(DayCount.UNKNOWN, new DayCount(DayCount.UNKNOWN, 1)), rows(Stores.TIMELINE_VIEW));
    }

    @Test
    void everyProcessorStoreAndTopicIsNamed() {
        TopologyDescription description = StoreTopology.build(ViewListener.NONE).describe();
        String text = description.toString();
        assertFalse(text.matches("(?s).*(KSTREAM|KTABLE)-[A-Z]+-\\d+.*"), text);
        for (Store<?, ?> store : List.of(Stores.ARTICLES_BY_ID, Stores.ENTITIES_VIEW, Stores.REGIONS_VIEW,
                Stores.TIMELINE_VIEW, Stores.ENTITY_CONTRIBUTIONS, Stores.REGION_CONTRIBUTIONS,
                Stores.DAY_CONTRIBUTIONS)) {
            assertTrue(text.contains(store.name()), store + " missing in\n" + text);
        }
    }
}
