package kz.aqparat.store.topology;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Store;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
    private final Set<String> changedViews = new TreeSet<>();

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
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        return new TopologyTestDriver(StoreTopology.build(props, new ViewListener() {
            @Override
            public void articleChanged(String id, ArticleProjection latest) {
                liveEvents.add(id + "=" + (latest == null ? "gone" : latest.title()));
            }

            @Override
            public void viewChanged(PartialView<?> view) {
                changedViews.add(view.name());
            }
        }), props);
    }

    private static Properties optimized() {
        Properties props = new Properties();
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        return props;
    }

    /** The article stored in {@code articles-by-id}, or null. */
    private static EnrichedArticle stored(TopologyTestDriver driver, String id) {
        byte[] json = driver.<String, byte[]>getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get(id);
        return json == null ? null : new JsonSerde<>(EnrichedArticle.class).deserializer().deserialize("", json);
    }

    private EnrichedArticle stored(String id) {
        return stored(driver, id);
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
        assertEquals(first(), stored("a1"));
        assertEquals(List.of(KeyValue.pair("a1", first())), store.readKeyValuesToList());
        assertEquals(List.of("a1=Заголовок a1"), liveEvents);
        assertEquals(Set.of("entities", "regions", "timeline"), changedViews);
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
        changedViews.clear();

        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());
        enriched.pipeInput("a1", first());

        assertEquals(once, allViews(driver));
        assertEquals(2, rows(Stores.ENTITIES_VIEW).get("PERSON:Аида Балаева").articleCount());
        assertEquals(Set.of(), changedViews, "the same versions again change no view");
        assertEquals(5, liveEvents.size(), "every accepted version is announced: " + liveEvents);
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
        assertEquals(new EntityCount(EntityType.PERSON, "Темиртау", 1, 1), entities.get("PERSON:Темиртау"));
        assertFalse(entities.containsKey("LOCATION:Темиртау"), entities.toString());
    }

    @Test
    void theStoreTopicAndStoreHoldTheLatestVersion() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a1", firstReEnriched());

        List<KeyValue<String, EnrichedArticle>> written = store.readKeyValuesToList();
        assertEquals(KeyValue.pair("a1", firstReEnriched()), written.get(written.size() - 1));
        assertEquals(firstReEnriched(), stored("a1"));
    }

    @Test
    void anOlderVersionArrivingLateIsDropped() {
        enriched.pipeInput("a1", firstReEnriched());
        Map<Store<String, ?>, Map<String, ?>> latest = allViews(driver);
        store.readKeyValuesToList();

        enriched.pipeInput("a1", first());

        assertEquals(latest, allViews(driver));
        assertTrue(store.isEmpty(), "an older version must not reach articles.store");
        assertEquals(firstReEnriched(), stored("a1"));
    }

    @Test
    void aTombstoneRemovesTheArticleAndItsCounts() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a2", second());
        enriched.pipeInput("a1", (EnrichedArticle) null);
        enriched.pipeInput("never-stored", (EnrichedArticle) null);

        assertNull(stored("a1"));
        assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", 1, 1),
                rows(Stores.ENTITIES_VIEW).get("PERSON:Аида Балаева"));
        assertEquals(Map.of("Астана", new RegionCount("Астана", 1, 1)), rows(Stores.REGIONS_VIEW));
        List<KeyValue<String, EnrichedArticle>> written = store.readKeyValuesToList();
        assertEquals(KeyValue.pair("a1", null), written.get(written.size() - 1));
        assertEquals(3, written.size(), "a tombstone for an unknown article is not passed on: " + written);
        assertEquals("a1=gone", liveEvents.get(liveEvents.size() - 1));
    }

    @Test
    void anArticleWithoutAPublicationDateIsCountedUnderUnknown() {
        EnrichedArticle undated = article("a3", null, TEXT_2, List.of(), List.of(), "v1", T1);
        enriched.pipeInput("a3", undated);

        assertEquals(Map.of(DayCount.UNKNOWN, new DayCount(DayCount.UNKNOWN, 1)), rows(Stores.TIMELINE_VIEW));
    }

    @Test
    void everyProcessorStoreAndTopicIsNamed() {
        TopologyDescription description = StoreTopology.build(optimized(), ViewListener.NONE).describe();
        String text = description.toString();
        assertFalse(text.matches("(?s).*(KSTREAM|KTABLE)-[A-Z]+-\\d+.*"), text);
        for (Store<?, ?> store : List.of(Stores.ARTICLES_BY_ID, Stores.ARTICLE_VERSIONS, Stores.ENTITIES_VIEW,
                Stores.REGIONS_VIEW, Stores.TIMELINE_VIEW)) {
            assertTrue(text.contains(store.name()), store + " missing in\n" + text);
        }
    }

    @Test
    void theStoreTopicIsWrittenWithTheBytesAsReceived() {
        byte[] json = ("{\"id\":\"raw\",\"title\":\"Сырой\",\"publishedAt\":\"2026-02-18\",\"text\":\"Текст\","
                + "\"futureField\":{\"x\":[1,2]},\"entities\":[{\"type\":\"PERSON\",\"name\":\"Аида Балаева\","
                + "\"mentions\":[{\"start\":0,\"end\":4,\"text\":\"Аида\"},{\"start\":5,\"end\":9,\"text\":\"x\"}]}],"
                + "\"enrichment\":{\"version\":\"v1\",\"processedAt\":\"2026-03-01T10:00:00Z\"}}")
                .getBytes(StandardCharsets.UTF_8);
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ARTICLES_ENRICHED.name(),
                new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("raw", json);

        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(Topics.ARTICLES_STORE.name(),
                new StringDeserializer(), new ByteArrayDeserializer());
        assertArrayEquals(json, out.readValue(), "articles.store gets the bytes as received, not re-serialised");
        assertArrayEquals(json, driver.<String, byte[]>getKeyValueStore(Stores.ARTICLES_BY_ID.name()).get("raw"));
        assertEquals(Map.of("PERSON:Аида Балаева", new EntityCount(EntityType.PERSON, "Аида Балаева", 2, 1)),
                rows(Stores.ENTITIES_VIEW));
        assertEquals(List.of("raw=Сырой"), liveEvents);
    }

    @Test
    void theTopologyHasNoRepartitionTopicAndArticlesByIdNoChangelogOfItsOwn() {
        TopologyDescription description = StoreTopology.build(optimized(), ViewListener.NONE).describe();
        assertEquals(2, description.subtopologies().size(), description.toString());
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Sink sink) {
                    assertEquals(Topics.ARTICLES_STORE.name(), sink.topic(), description.toString());
                }
                if (node instanceof TopologyDescription.Source source) {
                    assertTrue(source.topicSet().stream().noneMatch(t -> t.endsWith("-repartition")),
                            description.toString());
                }
            }
        }

        enriched.pipeInput("a1", first());
        Set<String> produced = driver.producedTopicNames();
        assertEquals(Set.of(Topics.ARTICLES_STORE.name(), "store-topology-test-article-versions-changelog",
                "store-topology-test-view-entities-changelog", "store-topology-test-view-regions-changelog",
                "store-topology-test-view-timeline-changelog"), produced);
        assertEquals(first(), stored("a1"), "articles-by-id is read from articles.store");

        // The same topology without the optimization would copy every article to a changelog of its own.
        Properties plain = new Properties();
        plain.putAll(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "plain", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "unused:9092", StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve("plain").toString()));
        try (TopologyTestDriver unoptimized = new TopologyTestDriver(
                StoreTopology.build(new Properties(), ViewListener.NONE), plain)) {
            unoptimized.createInputTopic(Topics.ARTICLES_ENRICHED.name(), new StringSerializer(),
                    new JsonSerde<>(EnrichedArticle.class).serializer()).pipeInput("a1", first());
            assertTrue(unoptimized.producedTopicNames().contains("plain-articles-by-id-changelog"),
                    unoptimized.producedTopicNames().toString());
        }
    }

    /** A text naming every one of {@code names} once, and those entities. */
    private static EnrichedArticle articleNaming(String id, List<String> names, String region, String day,
                                                 String version, Instant processedAt) {
        String text = String.join(", ", names) + ".";
        List<Entity> entities = names.stream().map(n -> entity(EntityType.PERSON, n, null, text, 1)).toList();
        return article(id, day, text, entities, List.of(region), version, processedAt);
    }

    private Map<String, Integer> recordsPerTopic() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            counts.put(topic, driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size());
        }
        return counts;
    }

    /**
     * What Kafka gets per article. The test driver commits after every input record, so here the view changelogs
     * get one record per row an article changes (the caches coalesce the rows changed by all articles of one commit
     * only in a real application, see StoreIT); what is measured here is that nothing is written per (article, row)
     * beyond that: one record on articles.store, one version record, and each changed row once.
     */
    @Test
    void writesAConstantNumberOfRecordsPerArticleBesidesItsChangedRows() {
        int articles = 50;
        int entitiesPerArticle = 20;
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pool.add("Персона Номер" + (char) ('А' + i));
        }
        List<EnrichedArticle> batch = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            List<String> names = new ArrayList<>();
            for (int e = 0; e < entitiesPerArticle; e++) {
                names.add(pool.get((a + e) % pool.size()));
            }
            batch.add(articleNaming("n" + a, names, "Регион " + (a % 3), "2026-02-1" + (a % 5), "v1", T1));
        }
        String versions = "store-topology-test-article-versions-changelog";
        List<String> viewChangelogs = List.of("store-topology-test-view-entities-changelog",
                "store-topology-test-view-regions-changelog", "store-topology-test-view-timeline-changelog");

        batch.forEach(article -> enriched.pipeInput(article.id(), article));
        Map<String, Integer> first = recordsPerTopic();
        assertEquals(articles, first.get(Topics.ARTICLES_STORE.name()), first.toString());
        assertEquals(articles, first.get(versions), first.toString());
        // Each article changes 20 entity rows, a region and a day, each once (one commit per article here).
        assertEquals(articles * entitiesPerArticle, first.get(viewChangelogs.get(0)), first.toString());
        assertEquals(articles, first.get(viewChangelogs.get(1)), first.toString());
        assertEquals(articles, first.get(viewChangelogs.get(2)), first.toString());
        assertEquals(5, first.size(), "no other topic: " + first);

        // A replay: one record per article (articles.store), nothing else.
        batch.forEach(article -> enriched.pipeInput(article.id(), article));
        Map<String, Integer> replay = recordsPerTopic();
        assertEquals(Map.of(Topics.ARTICLES_STORE.name(), articles), withoutZeros(replay));

        // Re-enrichment that renames one person per article: the version, and the two rows it moves between.
        List<EnrichedArticle> reEnriched = new ArrayList<>();
        for (EnrichedArticle article : batch) {
            List<String> names = new ArrayList<>(article.entities().stream().map(Entity::name).toList());
            names.set(0, "Новая Персона");
            reEnriched.add(articleNaming(article.id(), names, article.regions().get(0), article.publishedAt(), "v2",
                    T2));
        }
        reEnriched.forEach(article -> enriched.pipeInput(article.id(), article));
        Map<String, Integer> third = withoutZeros(recordsPerTopic());
        assertEquals(articles, third.get(Topics.ARTICLES_STORE.name()), third.toString());
        assertEquals(articles, third.get(versions), third.toString());
        assertEquals(2 * articles, third.get(viewChangelogs.get(0)), third.toString());
        assertEquals(Set.of(Topics.ARTICLES_STORE.name(), versions, viewChangelogs.get(0)), third.keySet());
        assertEquals(new EntityCount(EntityType.PERSON, "Новая Персона", articles, articles),
                rows(Stores.ENTITIES_VIEW).get("PERSON:Новая Персона"));
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> nonZero = new TreeMap<>(counts);
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }
}
