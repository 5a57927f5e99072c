package kz.aqparat.store.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The store-service topology: two sub-topologies, no repartition topic.
 *
 * <ol>
 *   <li><b>Input</b> {@code articles.enriched}, key = article id, value = an enriched article's JSON, read as its
 *       bytes plus a small {@link ArticleProjection} parsed once (a record that cannot be parsed, or is outside
 *       {@link kz.aqparat.contracts.RecordLimits}: no key, a key that is not UTF-8 or too long, a value or headers
 *       too large, an entity name or region too long for a view key, goes to {@code articles.dlq} through the
 *       deserialization exception handler, so that everything the topology writes fits its topics; a null value, a
 *       tombstone, deletes the article). Processor {@code latest-version} ({@link LatestVersionProcessor}) with the stores
 *       <ul>
 *         <li>{@link Stores#ARTICLE_VERSIONS} (RocksDB, logged): article id → {@link ArticleVersion}, the version
 *             the views count (source version = raw offset, engine version, text fingerprint) and its
 *             contributions to each view, not the article; or, for a deleted article, the raw offset of the
 *             delete. It decides which version wins (by source version, then engine version; an older one, the
 *             same one again, a duplicate push of the same text, or a version older than a delete change nothing
 *             and are not forwarded) and what to take back from the views when a newer version or a delete
 *             comes; format 3 also keeps its {@code receivedAt}, which with its day gives its index key;</li>
 *         <li>{@link Stores#ARTICLE_INDEX} (RocksDB, logged, not cached): {@link IndexKey} ({@code
 *             <inverted publication day>|<inverted receipt>|<id>}, newest first) → {@link
 *             kz.aqparat.contracts.IndexedArticle}, a compact summary of the counted version (title, source, dates,
 *             entities with mention count, region, roles and name variants, regions, statistics), for the views
 *             with a window or a filter and the article search, which scan a key range. The processor moves an
 *             article's entry with its counted version (the previous key deleted when it differs) and deletes it
 *             with the article, so it holds each article once, in its latest version. Not cached: an entry is
 *             written once per version and a cache of whole summaries would crowd the views' rows out;</li>
 *         <li>{@link Stores#ENTITIES_VIEW} (key {@code TYPE:name}), {@link Stores#REGIONS_VIEW} (key region),
 *             {@link Stores#TIMELINE_VIEW} (key publication day or {@code unknown}): <em>partial</em> views, the
 *             sums over the articles of this task's partition only; a query adds up the rows of a key over all
 *             partitions ({@link PartialView#sum}). In-memory, logged, with caching: every article does a
 *             read-modify-write of ~20–30 rows, and these stores are small (their keys are entity names, regions
 *             and days, not articles), so they stay in memory rather than pay RocksDB's JNI, write and compaction
 *             work for each row on two shared cores; the cache turns the changelog into one record per changed row
 *             per commit instead of one per article and row. The price is a restore from the (compacted, so about
 *             one record per row) changelogs when an instance starts, which is quick for stores of this size.</li>
 *       </ul>
 *       <b>Output</b> {@code articles.store} (compacted, key = article id, value = the accepted version's bytes as
 *       received, or a tombstone), through sink {@code articles-store-sink}: one record per accepted version or
 *       applied delete, none for a record that changed nothing.</li>
 *   <li><b>Input</b> {@code articles.store}: the table {@link Stores#ARTICLES_BY_ID} (article id → the latest
 *       version's JSON bytes, RocksDB) for {@code GET /api/articles}. With {@code topology.optimization} =
 *       {@code reuse.ktable.source.topics} (set in {@code application.yml}; pass the same properties to
 *       {@link #build(Properties, ViewListener)}) {@code articles.store} is also its changelog, so the articles are
 *       not written to Kafka a second time. An article is readable there once the transaction that wrote it to
 *       {@code articles.store} has committed.</li>
 * </ol>
 *
 * Per article, Kafka gets one record on {@code articles.store}, one on the {@code article-versions} changelog and
 * one on the {@code article-index} changelog (plus the old entry's tombstone when the day or receipt changed),
 * plus at most one record per changed view row per commit. Processing an article again, or a newer version of it,
 * leaves every view as if only the latest version had ever been processed.
 *
 * <p>The values of {@code article-versions} and of the views are written in a compact binary format
 * ({@link StoreValueSerdes}), which also reads the JSON that earlier releases wrote to these stores and changelogs.
 *
 * <p>Internal topics: {@code <application.id>-article-versions-changelog},
 * {@code <application.id>-article-index-changelog},
 * {@code <application.id>-view-entities-changelog}, {@code <application.id>-view-regions-changelog},
 * {@code <application.id>-view-timeline-changelog}.
 */
public final class StoreTopology {

    private StoreTopology() {
    }

    /** The topology, optimized as {@code config} says (see the class comment about {@code topology.optimization}). */
    public static Topology build(Properties config, ViewListener listener) {
        return build(config, listener, VersionListener.NONE);
    }

    public static Topology build(Properties config, ViewListener listener, VersionListener versionListener) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, listener, versionListener);
        return builder.build(config);
    }

    /** Adds the topology to {@code builder} and returns its source stream. */
    public static KStream<String, ReceivedArticle> addTo(StreamsBuilder builder, ViewListener listener,
                                                         VersionListener versionListener) {
        Serde<String> keys = Serdes.String();
        List<String> stores = new ArrayList<>();
        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ARTICLE_VERSIONS.name()),
                keys, StoreValueSerdes.ARTICLE_VERSION));
        stores.add(Stores.ARTICLE_VERSIONS.name());
        // Not cached: its values are whole summaries, each written once per version, and would crowd the views'
        // rows out of the thread's cache.
        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ARTICLE_INDEX.name()),
                keys, StoreValueSerdes.INDEXED_ARTICLE).withCachingDisabled());
        stores.add(Stores.ARTICLE_INDEX.name());
        for (PartialView<?> view : PartialView.ALL) {
            builder.addStateStore(viewStore(view));
            stores.add(view.store().name());
        }

        KStream<String, ReceivedArticle> enriched = builder.stream(Topics.ARTICLES_ENRICHED.name(),
                Consumed.with(ArticleKey.serde(), ReceivedArticle.serde()).withName("articles-enriched-source"));
        enriched.process(() -> new LatestVersionProcessor(listener, versionListener), Named.as("latest-version"),
                        stores.toArray(String[]::new))
                .to(Topics.ARTICLES_STORE.name(), Produced.with(keys, Serdes.ByteArray())
                        .withName("articles-store-sink"));

        builder.table(Topics.ARTICLES_STORE.name(),
                Consumed.with(keys, Serdes.ByteArray()).withName("articles-by-id-table"),
                // No cache: whole articles in it would crowd the views' rows out of the thread's cache.
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(Stores.ARTICLES_BY_ID.name())
                        .withKeySerde(keys).withValueSerde(Serdes.ByteArray()).withCachingDisabled());
        return enriched;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> viewStore(PartialView<V> view) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                        org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(view.store().name()),
                        Serdes.String(), view.rowSerde())
                .withCachingEnabled();
    }
}
