package kz.aqparat.store.views;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.store.query.StoreCluster;
import kz.aqparat.store.topology.PartialView;
import org.apache.kafka.streams.state.KeyValueIterator;

/** The views: the partial rows of every partition, on this instance and the others, summed by key. */
@Controller("/api/views")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ViewController {

    public static final Comparator<EntityCount> MOST_WRITTEN_ABOUT = Comparator
            .comparingLong(EntityCount::articleCount).reversed()
            .thenComparing(Comparator.comparingLong(EntityCount::mentionCount).reversed())
            .thenComparing(EntityCount::name);
    public static final Comparator<RegionCount> MOST_ARTICLES = Comparator
            .comparingLong(RegionCount::articleCount).reversed()
            .thenComparing(Comparator.comparingLong(RegionCount::mentionCount).reversed())
            .thenComparing(RegionCount::region);
    /** Days in order; articles without a known publication day last. */
    public static final Comparator<DayCount> BY_DAY = Comparator
            .comparing((DayCount d) -> DayCount.UNKNOWN.equals(d.day()))
            .thenComparing(DayCount::day);

    private final StoreCluster cluster;

    public ViewController(StoreCluster cluster) {
        this.cluster = cluster;
    }

    /** Entities of one type (all types without {@code type}), most written about first. */
    @Get(value = "/entities", produces = MediaType.APPLICATION_JSON)
    public List<EntityCount> entities(@Nullable @QueryValue String type, @Nullable @QueryValue Integer limit,
                                      @Nullable @QueryValue String scope) {
        EntityType entityType = entityType(type);
        int n = Limits.check(limit);
        String path = "/api/views/entities" + (entityType == null ? "" : "?type=" + entityType);
        Collection<EntityCount> rows = rows(PartialView.ENTITIES,
                e -> entityType == null || e.type() == entityType, scope, path, EntityCount.class);
        // A peer asked for its part (scope=local) answers all its rows: the top n is only known after the sum.
        return rows.stream().sorted(MOST_WRITTEN_ABOUT).limit(isLocal(scope) ? Long.MAX_VALUE : n).toList();
    }

    /** Regions, most articles first. */
    @Get(value = "/regions", produces = MediaType.APPLICATION_JSON)
    public List<RegionCount> regions(@Nullable @QueryValue String scope) {
        return rows(PartialView.REGIONS, r -> true, scope, "/api/views/regions", RegionCount.class).stream()
                .sorted(MOST_ARTICLES).toList();
    }

    /** Articles per publication day, in day order. */
    @Get(value = "/timeline", produces = MediaType.APPLICATION_JSON)
    public List<DayCount> timeline(@Nullable @QueryValue String scope) {
        return rows(PartialView.TIMELINE, d -> true, scope, "/api/views/timeline", DayCount.class).stream()
                .sorted(BY_DAY).toList();
    }

    /**
     * The rows of a view, summed by key: over this instance's partitions (its store holds one partial row per
     * partition and key), and, unless {@code scope=local}, over the other instances' sums as well.
     */
    private <V> Collection<V> rows(PartialView<V> view, Predicate<V> filter, String scope, String path,
                                   Class<V> type) {
        List<V> partials = new ArrayList<>();
        try (KeyValueIterator<String, V> all = cluster.local(view.store()).all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && filter.test(entry.value)) {
                    partials.add(entry.value);
                }
            });
        }
        Map<String, V> local = view.sum(partials, new HashMap<>());
        if (isLocal(scope)) {
            return local.values();
        }
        String localPath = path + (path.contains("?") ? "&" : "?") + StoreCluster.LOCAL_SCOPE;
        return cluster.gather(view.store(), local, localPath, Argument.listOf(type), view::sum);
    }

    private static boolean isLocal(String scope) {
        return "local".equals(scope);
    }

    private static EntityType entityType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return EntityType.valueOf(type.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "type must be one of "
                    + Arrays.toString(EntityType.values()) + ", was " + type);
        }
    }
}
