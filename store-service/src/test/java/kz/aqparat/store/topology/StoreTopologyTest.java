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
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.Mention;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.Statistic;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Store;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
import org.apache.kafka.streams.test.TestRecord;
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
    private static final String V1 = "0.9.0";
    /** Newer than V1 as dotted numbers, older as text. */
    private static final String V2 = "0.10.0";

    @TempDir
    Path stateDirs;

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EnrichedArticle> store;
    private final List<String> liveEvents = new ArrayList<>();
    private final Set<String> changedViews = new TreeSet<>();
    private final List<VersionListener.Skip> skipped = new ArrayList<>();

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
        }, new VersionListener() {
            @Override
            public void skipped(String id, Skip why) {
                StoreTopologyTest.this.skipped.add(why);
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
                List.of("Карагандинская область"), V1, T1, 10);
    }

    static EnrichedArticle second() {
        return article("a2", "2026-02-18T09:30:00+05:00", TEXT_2, List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, TEXT_2, 1),
                entity(EntityType.LOCATION, "Астаны", "Астана", TEXT_2, 1)),
                List.of("Астана"), V1, T1, 11);
    }

    /**
     * The first article (same raw record) re-enriched by a newer engine: Qarmet and the region are gone, a person is
     * added, a mention is lost.
     */
    static EnrichedArticle firstReEnriched() {
        return article("a1", "2026-02-18", TEXT_1, List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, TEXT_1, 1),
                entity(EntityType.PERSON, "Темиртау", null, TEXT_1, 1)),
                List.of(), V2, T2, 10);
    }

    /** A correction of the first article: a later raw record (offset 20), with another text. */
    static EnrichedArticle firstCorrected(String engine, Instant processedAt) {
        return article("a1", "2026-02-19", TEXT_2, List.of(
                entity(EntityType.PERSON, "Женис Касымбек", null, TEXT_2, 1)),
                List.of("Астана"), engine, processedAt, 20);
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
                Stores.TIMELINE_VIEW, rows(driver, Stores.TIMELINE_VIEW),
                Stores.ARTICLE_INDEX, rows(driver, Stores.ARTICLE_INDEX));
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
        assertEquals(List.of("a1=Заголовок a1", "a2=Заголовок a2"), liveEvents, "no live event for the same version");
        assertEquals(2, store.readRecordsToList().size(), "nothing more on articles.store");
        assertEquals(List.of(VersionListener.Skip.SAME, VersionListener.Skip.SAME, VersionListener.Skip.SAME),
                skipped);
    }

    @Test
    void theSameVersionEnrichedAgainLaterByTheSameEngineIsTheSameVersion() {
        enriched.pipeInput("a1", first());
        store.readRecordsToList();
        liveEvents.clear();
        changedViews.clear();

        // a replay of the same raw record an hour later: another processedAt, same source and engine version
        EnrichedArticle again = article("a1", "2026-02-18", TEXT_1, first().entities(), first().regions(), V1,
                T1.plusSeconds(3600), 10);
        enriched.pipeInput("a1", again);

        assertTrue(store.isEmpty());
        assertEquals(List.of(), liveEvents);
        assertEquals(Set.of(), changedViews);
        assertEquals(first(), stored("a1"));
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
        assertEquals(List.of(VersionListener.Skip.OLDER), skipped);
    }

    /**
     * An older raw version never replaces a newer one, whatever the order in which they are (re-)enriched and
     * whatever the enrichers' clocks say: every order of the original, its correction, and replays of both by a
     * newer engine (24 orders) ends with the correction enriched by the newer engine, and views as if only it
     * existed.
     */
    @Test
    void theNewestRawVersionByTheNewestEngineWinsWhateverTheOrderAndTheClocks() {
        Instant late = T2.plusSeconds(86_400);
        EnrichedArticle original = first();                                   // offset 10, V1, T1
        EnrichedArticle correction = firstCorrected(V1, T1.minusSeconds(60)); // offset 20, V1, an enricher behind
        EnrichedArticle replayedCorrection = firstCorrected(V2, late);        // offset 20, V2
        // a replay of offset 10 by the newer engine, processed last by its enricher's clock: older all the same
        EnrichedArticle replayedOriginal = article("a1", "2026-02-18", TEXT_1, first().entities(),
                first().regions(), V2, late.plusSeconds(86_400), 10);
        List<EnrichedArticle> all = List.of(original, correction, replayedCorrection, replayedOriginal);

        // One article id per order, in one driver (a driver per order takes seconds): the views then count every
        // id once with the winning version, as if only it had been stored under each id.
        List<List<EnrichedArticle>> orders = permutations(all);
        Map<Store<String, ?>, Map<String, ?>> expected;
        try (TopologyTestDriver fresh = newDriver()) {
            TestInputTopic<String, EnrichedArticle> input = fresh.createInputTopic(Topics.ARTICLES_ENRICHED.name(),
                    new StringSerializer(), new JsonSerde<>(EnrichedArticle.class).serializer());
            for (int i = 0; i < orders.size(); i++) {
                input.pipeInput("order-" + i, replayedCorrection);
            }
            expected = allViews(fresh);
        }
        for (int i = 0; i < orders.size(); i++) {
            String id = "order-" + i;
            orders.get(i).forEach(article -> enriched.pipeInput(id, article));
        }
        for (int i = 0; i < orders.size(); i++) {
            assertEquals(replayedCorrection, stored("order-" + i), "order " + describe(orders.get(i), all));
        }
        assertEquals(expected, allViews(driver));
        Map<String, EnrichedArticle> lastWritten = new TreeMap<>();
        store.readKeyValuesToList().forEach(kv -> lastWritten.put(kv.key, kv.value));
        assertEquals(orders.size(), lastWritten.size());
        lastWritten.forEach((id, article) -> assertEquals(replayedCorrection, article, id));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }

    private static String describe(List<EnrichedArticle> order, List<EnrichedArticle> all) {
        return order.stream().map(a -> Integer.toString(all.indexOf(a))).toList().toString();
    }

    @Test
    void aNewerEngineWinsOnTheSameRawVersionAndAnOlderEngineArrivingLateIsDropped() {
        enriched.pipeInput("a1", first());
        enriched.pipeInput("a1", firstReEnriched());
        enriched.pipeInput("a1", first());

        assertEquals(firstReEnriched(), stored("a1"));
        assertEquals(List.of(first(), firstReEnriched()), store.readValuesToList());
        assertEquals(List.of(VersionListener.Skip.OLDER), skipped);
    }

    @Test
    void theSameTextPushedAgainAndEnrichedByTheSameEngineChangesNothingButIsRemembered() {
        Headers fingerprint = new RecordHeaders().add(kz.aqparat.contracts.RecordHeaders.TEXT_FINGERPRINT,
                "fp-a1".getBytes(StandardCharsets.US_ASCII));
        enriched.pipeInput(new TestRecord<>("a1", first(), fingerprint));
        store.readRecordsToList();
        liveEvents.clear();
        changedViews.clear();

        // the raw record written twice (a producer retry): offset 15, the same text and engine
        EnrichedArticle duplicate = article("a1", "2026-02-18", TEXT_1, first().entities(), first().regions(), V1,
                T2, 15);
        enriched.pipeInput(new TestRecord<>("a1", duplicate, fingerprint));
        assertTrue(store.isEmpty(), "a duplicate push is not written to articles.store");
        assertEquals(List.of(), liveEvents);
        assertEquals(Set.of(), changedViews);
        assertEquals(first(), stored("a1"));
        assertEquals(15L, driver.<String, kz.aqparat.contracts.ArticleVersion>getKeyValueStore(
                Stores.ARTICLE_VERSIONS.name()).get("a1").sourceVersion(), "the newer source version is kept");

        // so a version from a raw record between the two is older than what is stored
        EnrichedArticle between = article("a1", "2026-02-18", TEXT_2, List.of(), List.of(), V1, T2, 12);
        enriched.pipeInput(new TestRecord<>("a1", between, new RecordHeaders()));
        assertTrue(store.isEmpty());
        assertEquals(first(), stored("a1"));
        assertEquals(List.of(VersionListener.Skip.DUPLICATE, VersionListener.Skip.OLDER), skipped);

        // the same text at a newer offset, enriched by a newer engine, is a new version
        EnrichedArticle upgraded = article("a1", "2026-02-18", TEXT_1, List.of(), List.of(), V2, T2, 15);
        enriched.pipeInput(new TestRecord<>("a1", upgraded, fingerprint));
        assertEquals(upgraded, stored("a1"));
    }

    @Test
    void aDeleteStaysDeletedThroughReplaysOfOlderRecordsAndANewPushAfterItIsStored() {
        enriched.pipeInput("a1", first());                          // offset 10
        enriched.pipeInput("a2", second());
        enriched.pipeInput(delete("a1", 15));
        assertNull(stored("a1"));
        assertFalse(rows(Stores.ENTITIES_VIEW).containsKey("ORGANIZATION:Qarmet"));
        store.readRecordsToList();
        liveEvents.clear();
        Map<Store<String, ?>, Map<String, ?>> afterDelete = allViews(driver);

        enriched.pipeInput("a1", first());                          // a redrive of offset 10
        enriched.pipeInput("a1", firstReEnriched());                // a replay of offset 10 by a newer engine
        enriched.pipeInput(delete("a1", 15));                       // the delete again
        enriched.pipeInput(delete("a1", 12));                       // an older delete
        assertNull(stored("a1"));
        assertEquals(afterDelete, allViews(driver));
        assertTrue(store.isEmpty(), "nothing written for records older than the delete");
        assertEquals(List.of(), liveEvents);
        assertEquals(List.of(VersionListener.Skip.DELETED, VersionListener.Skip.DELETED,
                VersionListener.Skip.STALE_DELETE, VersionListener.Skip.STALE_DELETE), skipped);
        assertTrue(driver.<String, kz.aqparat.contracts.ArticleVersion>getKeyValueStore(
                Stores.ARTICLE_VERSIONS.name()).get("a1").deleted());

        EnrichedArticle pushedAgain = firstCorrected(V1, T1);      // offset 20, after the delete
        enriched.pipeInput("a1", pushedAgain);
        assertEquals(pushedAgain, stored("a1"));
        assertEquals(new EntityCount(EntityType.PERSON, "Женис Касымбек", 1, 1),
                rows(Stores.ENTITIES_VIEW).get("PERSON:Женис Касымбек"));
        assertEquals(List.of("a1=Заголовок a1"), liveEvents);
    }

    @Test
    void aDeleteOlderThanTheStoredVersionIsIgnoredAndOneBeforeAnyVersionIsKept() {
        enriched.pipeInput("a1", firstCorrected(V1, T1));           // offset 20
        enriched.pipeInput(delete("a1", 15));                       // a delete from before it, late
        assertEquals(firstCorrected(V1, T1), stored("a1"));

        enriched.pipeInput(delete("a2", 30));                       // the delete is processed first
        enriched.pipeInput("a2", second());                         // offset 11, enriched late (a replay)
        assertNull(stored("a2"));
        assertEquals(new RegionCount("Астана", 1, 0), rows(Stores.REGIONS_VIEW).get("Астана"), "a1 only");
        assertEquals(List.of(firstCorrected(V1, T1)), store.readValuesToList(),
                "no tombstone for an article never stored, nothing for the ignored delete");
        assertEquals(List.of(VersionListener.Skip.STALE_DELETE, VersionListener.Skip.DELETED), skipped);
    }

    @Test
    void versionsWithoutASourceVersionAreOrderedByProcessedAtAndAreOlderThanAnyWithOne() {
        EnrichedArticle legacyLater = article("a1", "2026-02-18", TEXT_1, List.of(), List.of(), "0.2.0", T2);
        EnrichedArticle legacyEarlier = article("a1", "2026-02-18", TEXT_2, List.of(), List.of(), "0.3.0", T1);
        enriched.pipeInput("a1", legacyLater);
        enriched.pipeInput("a1", legacyEarlier);
        assertEquals(legacyLater, stored("a1"), "as in earlier releases: the later processedAt wins");

        enriched.pipeInput("a1", first());
        enriched.pipeInput("a1", legacyLater);
        assertEquals(first(), stored("a1"));
        assertEquals(List.of(VersionListener.Skip.OLDER, VersionListener.Skip.OLDER), skipped);
    }

    private static TestRecord<String, EnrichedArticle> delete(String id, long offset) {
        return new TestRecord<>(id, null, new RecordHeaders().add(kz.aqparat.contracts.RecordHeaders.SOURCE_OFFSET,
                Long.toString(offset).getBytes(StandardCharsets.US_ASCII)));
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
    void theIndexHoldsTheCountedVersionOnlyUnderItsDayAndReceiptNewestFirst() {
        Entity person = new Entity(EntityType.PERSON, "Аида Балаева", List.of("депутат Мажилиса"), null,
                List.of(new Mention(0, 12, "Аида Балаева"), new Mention(60, 72, "Аиды Балаевой")));
        Statistic workers = new Statistic(new java.math.BigDecimal("400"), null, Qualifier.MORE_THAN, "сотрудник",
                null, Statistic.Kind.COUNT, "более 400 сотрудников", 80, 101);
        EnrichedArticle original = new EnrichedArticle("s1", "BAQ.KZ", null, "Заголовок", "2026-02-18", "ru", TEXT_1,
                Instant.parse("2026-03-01T08:00:00Z"), List.of(person), List.of("Карагандинская область"),
                List.of(workers), List.of(), new Enrichment(V1, T1, 10L));
        // Corrected: another publication day, pushed again later (a newer raw record, received later).
        EnrichedArticle corrected = new EnrichedArticle("s1", "BAQ.KZ", null, "Заголовок", "2026-02-20", "ru",
                TEXT_1, Instant.parse("2026-03-02T08:00:00Z"), List.of(person), List.of(), List.of(),
                List.of(), new Enrichment(V1, T2, 30L));
        enriched.pipeInput("a2", second());
        enriched.pipeInput("s1", original);

        Map<String, IndexedArticle> index = rows(Stores.ARTICLE_INDEX);
        assertEquals(2, index.size(), index.toString());
        String key = IndexKey.of("2026-02-18", Instant.parse("2026-03-01T08:00:00Z"), "s1");
        IndexedArticle entry = index.get(key);
        assertEquals(List.of(new IndexedArticle.IndexedEntity(EntityType.PERSON, "Аида Балаева", 2, null,
                List.of("депутат Мажилиса"), List.of("Аиды Балаевой"))), entry.entities());
        assertEquals(List.of(new IndexedArticle.IndexedStatistic(Statistic.Kind.COUNT, "сотрудник", null,
                new java.math.BigDecimal("400"), Qualifier.MORE_THAN, "более 400 сотрудников")), entry.statistics());
        assertEquals(List.of("Карагандинская область"), entry.regions());
        assertEquals("2026-02-18", entry.day());
        // The same day and receipt as second(): then by id.
        assertEquals(List.of("a2", "s1"), index.values().stream().map(IndexedArticle::id).toList());

        enriched.pipeInput("s1", corrected);
        index = rows(Stores.ARTICLE_INDEX);
        assertEquals(List.of("s1", "a2"), index.values().stream().map(IndexedArticle::id).toList(),
                "the old entry is gone, the new one is under 2026-02-20: " + index.keySet());
        assertEquals("2026-02-20", index.get(IndexKey.of("2026-02-20", Instant.parse("2026-03-02T08:00:00Z"), "s1"))
                .day());

        enriched.pipeInput("s1", original);
        assertEquals(index, rows(Stores.ARTICLE_INDEX), "an older version arriving late changes nothing");

        enriched.pipeInput(delete("s1", 40));
        assertEquals(List.of("a2"), rows(Stores.ARTICLE_INDEX).values().stream().map(IndexedArticle::id).toList());
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
                "store-topology-test-article-index-changelog", "store-topology-test-view-entities-changelog", "store-topology-test-view-regions-changelog",
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
                                                 String version, Instant processedAt, long sourceVersion) {
        String text = String.join(", ", names) + ".";
        List<Entity> entities = names.stream().map(n -> entity(EntityType.PERSON, n, null, text, 1)).toList();
        return article(id, day, text, entities, List.of(region), version, processedAt, sourceVersion);
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
            batch.add(articleNaming("n" + a, names, "Регион " + (a % 3), "2026-02-1" + (a % 5), V1, T1, a));
        }
        String versions = "store-topology-test-article-versions-changelog";
        String index = "store-topology-test-article-index-changelog";
        List<String> viewChangelogs = List.of("store-topology-test-view-entities-changelog",
                "store-topology-test-view-regions-changelog", "store-topology-test-view-timeline-changelog");

        batch.forEach(article -> enriched.pipeInput(article.id(), article));
        Map<String, Integer> first = recordsPerTopic();
        assertEquals(articles, first.get(Topics.ARTICLES_STORE.name()), first.toString());
        assertEquals(articles, first.get(versions), first.toString());
        assertEquals(articles, first.get(index), "one index entry per article: " + first);
        // Each article changes 20 entity rows, a region and a day, each once (one commit per article here).
        assertEquals(articles * entitiesPerArticle, first.get(viewChangelogs.get(0)), first.toString());
        assertEquals(articles, first.get(viewChangelogs.get(1)), first.toString());
        assertEquals(articles, first.get(viewChangelogs.get(2)), first.toString());
        assertEquals(6, first.size(), "no other topic: " + first);

        // A replay of the same versions: nothing at all.
        batch.forEach(article -> enriched.pipeInput(article.id(), article));
        Map<String, Integer> replay = recordsPerTopic();
        assertEquals(Map.of(), withoutZeros(replay));

        // Re-enrichment that renames one person per article: the version, and the two rows it moves between.
        List<EnrichedArticle> reEnriched = new ArrayList<>();
        for (EnrichedArticle article : batch) {
            List<String> names = new ArrayList<>(article.entities().stream().map(Entity::name).toList());
            names.set(0, "Новая Персона");
            reEnriched.add(articleNaming(article.id(), names, article.regions().get(0), article.publishedAt(), V2,
                    T2, article.enrichment().sourceVersion()));
        }
        reEnriched.forEach(article -> enriched.pipeInput(article.id(), article));
        Map<String, Integer> third = withoutZeros(recordsPerTopic());
        assertEquals(articles, third.get(Topics.ARTICLES_STORE.name()), third.toString());
        assertEquals(articles, third.get(versions), third.toString());
        // The same day and receipt: the entry is replaced in place, no tombstone.
        assertEquals(articles, third.get(index), third.toString());
        assertEquals(2 * articles, third.get(viewChangelogs.get(0)), third.toString());
        assertEquals(Set.of(Topics.ARTICLES_STORE.name(), versions, index, viewChangelogs.get(0)), third.keySet());
        assertEquals(new EntityCount(EntityType.PERSON, "Новая Персона", articles, articles),
                rows(Stores.ENTITIES_VIEW).get("PERSON:Новая Персона"));
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> nonZero = new TreeMap<>(counts);
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }
}
