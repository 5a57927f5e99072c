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
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Store;
import kz.aqparat.contracts.Stores;
import kz.aqparat.store.query.StoreCluster;
import org.apache.kafka.streams.state.KeyValueIterator;

/** The views, gathered from every instance's part of their stores. */
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
        List<EntityCount> local = rows(Stores.ENTITIES_VIEW, e -> entityType == null || e.type() == entityType);
        String path = "/api/views/entities?limit=" + n + (entityType == null ? "" : "&type=" + entityType);
        return all(Stores.ENTITIES_VIEW, local, scope, path, EntityCount.class).stream()
                .sorted(MOST_WRITTEN_ABOUT).limit(n).toList();
    }

    /** Regions, most articles first. */
    @Get(value = "/regions", produces = MediaType.APPLICATION_JSON)
    public List<RegionCount> regions(@Nullable @QueryValue String scope) {
        List<RegionCount> local = rows(Stores.REGIONS_VIEW, r -> true);
        return all(Stores.REGIONS_VIEW, local, scope, "/api/views/regions", RegionCount.class).stream()
                .sorted(MOST_ARTICLES).toList();
    }

    /** Articles per publication day, in day order. */
    @Get(value = "/timeline", produces = MediaType.APPLICATION_JSON)
    public List<DayCount> timeline(@Nullable @QueryValue String scope) {
        List<DayCount> local = rows(Stores.TIMELINE_VIEW, d -> true);
        return all(Stores.TIMELINE_VIEW, local, scope, "/api/views/timeline", DayCount.class).stream()
                .sorted(BY_DAY).toList();
    }

    private <V> List<V> rows(Store<String, V> store, Predicate<V> filter) {
        List<V> rows = new ArrayList<>();
        try (KeyValueIterator<String, V> all = cluster.local(store).all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && filter.test(entry.value)) {
                    rows.add(entry.value);
                }
            });
        }
        return rows;
    }

    private <V> List<V> all(Store<String, V> store, List<V> local, String scope, String path, Class<V> type) {
        if ("local".equals(scope)) {
            return local;
        }
        String localPath = path + (path.contains("?") ? "&" : "?") + StoreCluster.LOCAL_SCOPE;
        return cluster.gather(store, local, localPath, Argument.listOf(type));
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
