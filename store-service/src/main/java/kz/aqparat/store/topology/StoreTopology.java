package kz.aqparat.store.topology;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Store;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The store-service topology.
 *
 * <ul>
 *   <li><b>Input</b>: {@code articles.enriched}, key = article id, value = {@link EnrichedArticle} (JSON). A null
 *       value (tombstone) deletes the article and its contributions.</li>
 *   <li><b>Output</b>: {@code articles.store} (compacted), key = article id, value = the latest version of the
 *       article, or a tombstone once it is deleted.</li>
 *   <li><b>Stores</b>: {@link Stores#ARTICLES_BY_ID} (article id → latest version; a version with an older
 *       {@code enrichment.processedAt} than the stored one is dropped, so the latest enrichment wins whatever the
 *       arrival order); per view a contribution table ({@link Stores#ENTITY_CONTRIBUTIONS},
 *       {@link Stores#REGION_CONTRIBUTIONS}, {@link Stores#DAY_CONTRIBUTIONS}, key = article id + U+001F + view
 *       key, value = what that article adds to that row) and the view itself, the aggregate of that table grouped
 *       by view key ({@link Stores#ENTITIES_VIEW} key = {@code TYPE:name}, {@link Stores#REGIONS_VIEW} key =
 *       region, {@link Stores#TIMELINE_VIEW} key = publication day or {@code unknown}).</li>
 * </ul>
 *
 * Replay safety comes from Kafka Streams' table semantics rather than counters: each accepted version upserts
 * its contributions and tombstones those the previous version had and it has not, and the view aggregates
 * subtract a row's old contribution before adding its new one. Processing an article again, or a newer version
 * of it, therefore leaves every view as if only the latest version had ever been processed. A row whose article
 * count drops to zero is removed.
 *
 * <p>Internal topics: {@code <application.id>-<store>-changelog} for every store, and the repartition topics
 * {@code <application.id>-<contribution store>-repartition} (contributions keyed by article and view key) and
 * {@code <application.id>-<view store>-by-key-repartition} (contributions grouped by view key).
 */
public final class StoreTopology {

    private StoreTopology() {
    }

    public static Topology build(ViewListener listener) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, listener);
        return builder.build();
    }

    /** Adds the topology to {@code builder} and returns its source stream. */
    public static KStream<String, EnrichedArticle> build(StreamsBuilder builder, ViewListener listener) {
        Serde<String> keys = Serdes.String();
        Serde<EnrichedArticle> articles = new JsonSerde<>(EnrichedArticle.class);

        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ARTICLES_BY_ID.name()),
                keys, articles));

        KStream<String, EnrichedArticle> enriched = builder.stream(Topics.ARTICLES_ENRICHED.name(),
                Consumed.with(keys, articles).withName("articles-enriched-source"));
        KStream<String, ArticleChange> changes = enriched.process(LatestVersionProcessor::new,
                Named.as("latest-version"), Stores.ARTICLES_BY_ID.name());

        changes.mapValues(ArticleChange::latest, Named.as("latest-article"))
                .to(Topics.ARTICLES_STORE.name(), Produced.with(keys, articles).withName("articles-store-sink"));
        changes.foreach((id, change) -> listener.articleChanged(id, change.latest()), Named.as("article-listener"));

        view(changes, Contributions::entities, Stores.ENTITY_CONTRIBUTIONS, Stores.ENTITIES_VIEW,
                count -> EntityCount.key(count.type(), count.name()), Contributions::plus, Contributions::minus,
                EntityCount::articleCount, listener::entityChanged);
        view(changes, Contributions::regions, Stores.REGION_CONTRIBUTIONS, Stores.REGIONS_VIEW,
                RegionCount::region, Contributions::plus, Contributions::minus,
                RegionCount::articleCount, listener::regionChanged);
        view(changes, Contributions::day, Stores.DAY_CONTRIBUTIONS, Stores.TIMELINE_VIEW,
                DayCount::day, Contributions::plus, Contributions::minus,
                DayCount::articleCount, listener::dayChanged);
        return enriched;
    }

    private static <V> void view(KStream<String, ArticleChange> changes,
                                 Function<EnrichedArticle, Map<String, V>> contributionsOf,
                                 Store<String, V> contributionStore,
                                 Store<String, V> viewStore,
                                 Function<V, String> viewKey,
                                 BinaryOperator<V> plus,
                                 BinaryOperator<V> minus,
                                 ToLongFunction<V> articleCount,
                                 BiConsumer<String, V> listener) {
        Serde<String> keys = Serdes.String();
        Serde<V> values = new JsonSerde<>(viewStore.valueType());
        String contributions = contributionStore.name();
        String view = viewStore.name();

        changes.flatMap((id, change) -> Contributions.changes(id, change, contributionsOf),
                        Named.as(contributions + "-changes"))
                .repartition(Repartitioned.<String, V>as(contributions).withKeySerde(keys).withValueSerde(values))
                .toTable(Named.as(contributions + "-table"),
                        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(contributions)
                                .withKeySerde(keys).withValueSerde(values))
                .groupBy((key, value) -> KeyValue.pair(viewKey.apply(value), value),
                        Grouped.<String, V>as(view + "-by-key").withKeySerde(keys).withValueSerde(values))
                .aggregate(() -> null,
                        (key, value, aggregate) -> plus.apply(aggregate, value),
                        (key, value, aggregate) -> {
                            V rest = minus.apply(aggregate, value);
                            return articleCount.applyAsLong(rest) <= 0 ? null : rest;
                        },
                        Named.as(view + "-aggregate"),
                        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(view)
                                .withKeySerde(keys).withValueSerde(values))
                .toStream(Named.as(view + "-updates"))
                .foreach(listener::accept, Named.as(view + "-listener"));
    }
}
