package kz.aqparat.store.topology;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Store;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.common.serialization.Serde;

/**
 * A view whose rows are sums: its store holds, per partition, the sum over that partition's articles, and the whole
 * view is the sum of those partial rows by key. How to key, add, negate and read the rows of one view is here, for
 * the topology that keeps the partial rows and for the queries that add them up.
 *
 * @param name          the view's name in the {@code views} event and in {@code /api/views/<name>}
 * @param store         its store
 * @param rowSerde      how its store writes and reads a row
 * @param key           the key of a row
 * @param plus          the sum of two rows of the same key
 * @param negate        a row with every count negated (a contribution taken back)
 * @param empty         whether a row counts no article, so that it is deleted
 * @param contributions what an article version adds to the view
 */
public record PartialView<V>(String name, Store<String, V> store, Serde<V> rowSerde, Function<V, String> key,
                             BinaryOperator<V> plus, UnaryOperator<V> negate, Predicate<V> empty,
                             Function<ArticleVersion, List<V>> contributions) {

    public static final PartialView<EntityCount> ENTITIES = new PartialView<>("entities", Stores.ENTITIES_VIEW,
            StoreValueSerdes.ENTITY_COUNT,
            e -> EntityCount.key(e.type(), e.name()),
            (a, b) -> new EntityCount(a.type(), a.name(), a.mentionCount() + b.mentionCount(),
                    a.articleCount() + b.articleCount()),
            e -> new EntityCount(e.type(), e.name(), -e.mentionCount(), -e.articleCount()),
            e -> e.articleCount() <= 0,
            ArticleVersion::entities);

    public static final PartialView<RegionCount> REGIONS = new PartialView<>("regions", Stores.REGIONS_VIEW,
            StoreValueSerdes.REGION_COUNT,
            RegionCount::region,
            (a, b) -> new RegionCount(a.region(), a.articleCount() + b.articleCount(),
                    a.mentionCount() + b.mentionCount()),
            r -> new RegionCount(r.region(), -r.articleCount(), -r.mentionCount()),
            r -> r.articleCount() <= 0,
            ArticleVersion::regions);

    public static final PartialView<DayCount> TIMELINE = new PartialView<>("timeline", Stores.TIMELINE_VIEW,
            StoreValueSerdes.DAY_COUNT,
            DayCount::day,
            (a, b) -> new DayCount(a.day(), a.articleCount() + b.articleCount()),
            d -> new DayCount(d.day(), -d.articleCount()),
            d -> d.articleCount() <= 0,
            version -> List.of(new DayCount(version.day(), 1)));

    public static final List<PartialView<?>> ALL = List.of(ENTITIES, REGIONS, TIMELINE);

    /** Adds up rows by key (partial rows of several partitions or instances), in first-seen key order. */
    public Map<String, V> sum(Collection<V> rows, Map<String, V> into) {
        for (V row : rows) {
            into.merge(key.apply(row), row, plus);
        }
        return into;
    }

    /** The change from one version's contributions to another's, by key; rows that do not change are left out. */
    Map<String, V> delta(ArticleVersion previous, ArticleVersion latest) {
        Map<String, V> delta = new LinkedHashMap<>();
        if (previous != null) {
            for (V row : contributions.apply(previous)) {
                delta.merge(key.apply(row), negate.apply(row), plus);
            }
        }
        if (latest != null) {
            sum(contributions.apply(latest), delta);
        }
        delta.values().removeIf(PartialView.this::isZero);
        return delta;
    }

    /** Whether every count of the row is 0: only then is it its own negation. */
    private boolean isZero(V row) {
        return row.equals(negate.apply(row));
    }
}
