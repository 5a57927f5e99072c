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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.IndexedArticle.IndexedEntity;
import kz.aqparat.contracts.IndexedArticle.IndexedStatistic;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Statistic;
import kz.aqparat.contracts.Stores;
import kz.aqparat.store.index.ArticleIndex;
import kz.aqparat.store.index.PeerPath;
import kz.aqparat.store.index.Window;
import kz.aqparat.store.query.StoreCluster;
import kz.aqparat.store.topology.PartialView;
import kz.aqparat.store.views.ViewRows.Bucket;
import kz.aqparat.store.views.ViewRows.RegionArticles;
import kz.aqparat.store.views.ViewRows.Related;
import kz.aqparat.store.views.ViewRows.RelatedEntity;
import kz.aqparat.store.views.ViewRows.Statement;
import kz.aqparat.store.views.ViewRows.StatisticRow;
import kz.aqparat.store.views.ViewRows.Trend;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The views. All time and unfiltered, the entities, regions and timeline are the partial rows of every partition
 * ({@link PartialView}), on this instance and the others, summed by key. With a window of publication days, a
 * region or a source, and for trending, statistics and related entities, each instance scans its part of the
 * article index ({@link Stores#ARTICLE_INDEX}) over the window's days and adds the articles up; the instance asked
 * adds the other instances' sums ({@code ?scope=local}) to its own. A peer answers every row it has, not its top
 * {@code limit}: the top of the sum is only known after the sum, so the merged answer is exact.
 */
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
    static final int MAX_DAYS = 366;

    private final StoreCluster cluster;
    private final ArticleIndex index;

    public ViewController(StoreCluster cluster, ArticleIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    /** Entities of one type (all types without {@code type}), most written about first. */
    @Get(value = "/entities", produces = MediaType.APPLICATION_JSON)
    public List<EntityCount> entities(@Nullable @QueryValue String type, @Nullable @QueryValue String region,
                                      @Nullable @QueryValue String source, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit,
                                      @Nullable @QueryValue String scope) {
        EntityType entityType = entityType(type);
        int n = Limits.check(limit);
        Window window = Window.of(from, to, region, source);
        Collection<EntityCount> rows;
        if (!window.filtered()) {
            String path = "/api/views/entities" + (entityType == null ? "" : "?type=" + entityType);
            rows = rows(PartialView.ENTITIES, e -> entityType == null || e.type() == entityType, scope, path,
                    EntityCount.class);
        } else {
            Map<String, EntityCount> local = new HashMap<>();
            index.forEach(window, article -> {
                for (IndexedEntity e : article.entities()) {
                    if (entityType == null || e.type() == entityType) {
                        local.merge(EntityCount.key(e.type(), e.name()),
                                new EntityCount(e.type(), e.name(), e.mentionCount(), 1), PartialView.ENTITIES.plus());
                    }
                }
            });
            rows = merge(local, scope, PeerPath.of("/api/views/entities").window(window).with("type", entityType),
                    EntityCount.class, PartialView.ENTITIES::sum);
        }
        // A peer asked for its part (scope=local) answers all its rows: the top n is only known after the sum.
        return rows.stream().sorted(MOST_WRITTEN_ABOUT).limit(isLocal(scope) ? Long.MAX_VALUE : n).toList();
    }

    /** Regions, most articles first. */
    @Get(value = "/regions", produces = MediaType.APPLICATION_JSON)
    public List<RegionCount> regions(@Nullable @QueryValue String source, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit,
                                     @Nullable @QueryValue String scope) {
        int n = limit == null ? Limits.MAX : Limits.check(limit);
        Window window = Window.of(from, to, null, source);
        Collection<RegionCount> rows;
        if (!window.filtered()) {
            rows = rows(PartialView.REGIONS, r -> true, scope, "/api/views/regions", RegionCount.class);
        } else {
            Map<String, RegionCount> local = new HashMap<>();
            index.forEach(window, article -> PartialView.REGIONS.sum(ViewRows.regions(article), local));
            rows = merge(local, scope, PeerPath.of("/api/views/regions").window(window), RegionCount.class,
                    PartialView.REGIONS::sum);
        }
        return rows.stream().sorted(MOST_ARTICLES).limit(isLocal(scope) ? Long.MAX_VALUE : n).toList();
    }

    /** Articles per publication day (or week, or month), in day order; {@code unknown} last. */
    @Get(value = "/timeline", produces = MediaType.APPLICATION_JSON)
    public List<DayCount> timeline(@Nullable @QueryValue String region, @Nullable @QueryValue String source,
                                   @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                   @Nullable @QueryValue String bucket, @Nullable @QueryValue String scope) {
        Bucket by = Bucket.of(bucket);
        Window window = Window.of(from, to, region, source);
        Collection<DayCount> days;
        if (!window.filtered()) {
            days = rows(PartialView.TIMELINE, d -> true, scope, "/api/views/timeline", DayCount.class);
        } else {
            Map<String, DayCount> local = new HashMap<>();
            index.forEach(window, article -> local.merge(article.day(), new DayCount(article.day(), 1),
                    PartialView.TIMELINE.plus()));
            days = merge(local, scope, PeerPath.of("/api/views/timeline").window(window), DayCount.class,
                    PartialView.TIMELINE::sum);
        }
        if (by == Bucket.DAY || isLocal(scope)) {
            return days.stream().sorted(BY_DAY).toList();
        }
        Map<String, DayCount> buckets = new HashMap<>();
        for (DayCount day : days) {
            String start = by.start(day.day());
            buckets.merge(start, new DayCount(start, day.articleCount()), PartialView.TIMELINE.plus());
        }
        return buckets.values().stream().sorted(BY_DAY).toList();
    }

    /**
     * Entities whose article count in the {@code days} days ending at {@code to} (default: the newest publication
     * day) rose most against the {@code days} days before; entities of the recent period only.
     */
    @Get(value = "/trending", produces = MediaType.APPLICATION_JSON)
    public List<Trend> trending(@Nullable @QueryValue String type, @Nullable @QueryValue Integer days,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String region,
                                @Nullable @QueryValue String source, @Nullable @QueryValue Integer limit,
                                @Nullable @QueryValue String scope) {
        EntityType entityType = entityType(type);
        int n = Limits.check(limit);
        int period = days == null ? 7 : days;
        if (period < 1 || period > MAX_DAYS) {
            throw badRequest("days must be between 1 and " + MAX_DAYS + ", was " + period);
        }
        LocalDate end = Window.day("to", to);
        if (end == null) {
            end = newestDay();
            if (end == null) {
                return List.of();
            }
        }
        LocalDate recentFrom = end.minusDays(period - 1L);
        Window window = Window.of(null, null, region, source).withDays(end.minusDays(2L * period - 1), end);
        Map<String, Trend> local = new HashMap<>();
        index.forEach(window, article -> {
            boolean recent = !LocalDate.parse(article.day()).isBefore(recentFrom);
            for (IndexedEntity e : article.entities()) {
                if (entityType == null || e.type() == entityType) {
                    Trend one = new Trend(e.type(), e.name(), recent ? 1 : 0, recent ? 0 : 1, recent ? 1 : -1);
                    local.merge(one.key(), one, Trend::plus);
                }
            }
        });
        Collection<Trend> rows = merge(local, scope, PeerPath.of("/api/views/trending").with("type", entityType)
                        .with("days", period).with("to", end).with("region", window.region())
                        .with("source", window.source()), Trend.class,
                summing(Trend::key, Trend::plus));
        if (isLocal(scope)) {
            return List.copyOf(rows);
        }
        return rows.stream().filter(t -> t.recent() > 0).sorted(Trend.MOST_RISEN).limit(n).toList();
    }

    /**
     * The statistics by unit (and kind; money also by currency): statements, articles, total, largest value and
     * the latest statements; most statements first.
     */
    @Get(value = "/statistics", produces = MediaType.APPLICATION_JSON)
    public List<StatisticRow> statistics(@Nullable @QueryValue String unit, @Nullable @QueryValue String kind,
                                         @Nullable @QueryValue String region, @Nullable @QueryValue String source,
                                         @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                         @Nullable @QueryValue Integer limit, @Nullable @QueryValue String scope) {
        Statistic.Kind statisticKind = kind(kind);
        String unitLemma = unit == null || unit.isBlank() ? null : unit.strip();
        int n = Limits.check(limit);
        Window window = Window.of(from, to, region, source);
        Map<String, StatisticRow> local = new HashMap<>();
        index.forEach(window, article -> {
            Set<String> counted = new HashSet<>();
            for (IndexedStatistic s : article.statistics()) {
                if ((statisticKind != null && s.kind() != statisticKind)
                        || (unitLemma != null && !unitLemma.equals(s.unit()))) {
                    continue;
                }
                String currency = s.kind() == Statistic.Kind.MONEY ? s.currency() : null;
                StatisticRow one = new StatisticRow(s.unit(), s.kind(), currency, 1, 0, s.value(), s.value(),
                        List.of(new Statement(s.value(), s.qualifier(), s.text(), article.id(), article.day(),
                                article.receivedAt())));
                if (counted.add(one.key())) {
                    one = new StatisticRow(one.unit(), one.kind(), currency, 1, 1, one.total(), one.max(),
                            one.latest());
                }
                local.merge(one.key(), one, StatisticRow::plus);
            }
        });
        Collection<StatisticRow> rows = merge(local, scope, PeerPath.of("/api/views/statistics").window(window)
                        .with("unit", unitLemma).with("kind", statisticKind), StatisticRow.class,
                summing(StatisticRow::key, StatisticRow::plus));
        return rows.stream().sorted(StatisticRow.MOST_STATEMENTS).limit(isLocal(scope) ? Long.MAX_VALUE : n)
                .toList();
    }

    /** The entities most often in the same articles as one entity, and the regions of those articles. */
    @Get(value = "/related", produces = MediaType.APPLICATION_JSON)
    public Related related(@QueryValue String type, @QueryValue String name, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit,
                           @Nullable @QueryValue String scope) {
        EntityType entityType = entityType(type);
        if (entityType == null || name == null || name.isBlank()) {
            throw badRequest("type and name are required");
        }
        int n = Limits.check(limit);
        Window window = Window.of(from, to, null, null);
        Related local = related(index, window, entityType, name.strip());
        Related all = local;
        if (!isLocal(scope)) {
            String path = PeerPath.of("/api/views/related").window(window).with("type", entityType)
                    .with("name", name.strip()).toString();
            for (var peer : cluster.peers(Stores.ARTICLE_INDEX)) {
                Related part = cluster.get(peer, path, Argument.of(Related.class)).orElse(null);
                if (part != null) {
                    all = plus(all, part);
                }
            }
        }
        long cut = isLocal(scope) ? Long.MAX_VALUE : n;
        return new Related(entityType, name.strip(),
                all.related().stream().sorted(RelatedEntity.MOST_ARTICLES).limit(cut).toList(),
                all.regions().stream().sorted(RegionArticles.MOST_ARTICLES).limit(cut).toList());
    }

    /** This instance's related entities and regions of an entity, unsorted. */
    static Related related(ArticleIndex index, Window window, EntityType type, String name) {
        Map<String, RelatedEntity> related = new HashMap<>();
        Map<String, RegionArticles> regions = new HashMap<>();
        index.forEach(window, article -> {
            if (!mentions(article, type, name)) {
                return;
            }
            for (IndexedEntity e : article.entities()) {
                if (e.type() != type || !e.name().equals(name)) {
                    RelatedEntity one = new RelatedEntity(e.type(), e.name(), 1);
                    related.merge(one.key(), one, RelatedEntity::plus);
                }
            }
            for (String region : article.allRegions()) {
                regions.merge(region, new RegionArticles(region, 1), RegionArticles::plus);
            }
        });
        return new Related(type, name, List.copyOf(related.values()), List.copyOf(regions.values()));
    }

    static Related plus(Related a, Related b) {
        Map<String, RelatedEntity> related = new HashMap<>();
        for (RelatedEntity e : ViewRows.concat(a.related(), b.related())) {
            related.merge(e.key(), e, RelatedEntity::plus);
        }
        Map<String, RegionArticles> regions = new HashMap<>();
        for (RegionArticles r : ViewRows.concat(a.regions(), b.regions())) {
            regions.merge(r.region(), r, RegionArticles::plus);
        }
        return new Related(a.type(), a.name(), List.copyOf(related.values()), List.copyOf(regions.values()));
    }

    /** Adds up rows by key: the sum of the peers' parts of a view whose rows add with {@code plus}. */
    private static <V> java.util.function.BiFunction<List<V>, Map<String, V>, Map<String, V>> summing(
            java.util.function.Function<V, String> key, java.util.function.BinaryOperator<V> plus) {
        return (rows, into) -> {
            rows.forEach(row -> into.merge(key.apply(row), row, plus));
            return into;
        };
    }

    static boolean mentions(IndexedArticle article, EntityType type, String name) {
        for (IndexedEntity e : article.entities()) {
            if (e.type() == type && e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The newest publication day of any article, from the all-time timeline; null when there is none. */
    private LocalDate newestDay() {
        return rows(PartialView.TIMELINE, d -> !DayCount.UNKNOWN.equals(d.day()), null, "/api/views/timeline",
                DayCount.class).stream().map(DayCount::day).max(Comparator.naturalOrder()).map(LocalDate::parse)
                .orElse(null);
    }

    private <V> Collection<V> merge(Map<String, V> local, String scope, PeerPath path, Class<V> type,
                                    java.util.function.BiFunction<List<V>, Map<String, V>, Map<String, V>> sum) {
        if (isLocal(scope)) {
            return local.values();
        }
        return cluster.gather(Stores.ARTICLE_INDEX, local, path.toString(), Argument.listOf(type), sum);
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

    static boolean isLocal(String scope) {
        return "local".equals(scope);
    }

    static HttpStatusException badRequest(String detail) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    public static EntityType entityType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("type must be one of " + Arrays.toString(EntityType.values()) + ", was " + type);
        }
    }

    private static Statistic.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return Statistic.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("kind must be one of " + Arrays.toString(Statistic.Kind.values()) + ", was " + kind);
        }
    }
}
