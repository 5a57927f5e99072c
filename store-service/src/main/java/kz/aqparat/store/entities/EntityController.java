package kz.aqparat.store.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle.IndexedEntity;
import kz.aqparat.contracts.Stores;
import kz.aqparat.store.articles.ArticleSummary;
import kz.aqparat.store.index.ArticleIndex;
import kz.aqparat.store.index.PeerPath;
import kz.aqparat.store.index.Window;
import kz.aqparat.store.query.StoreCluster;
import kz.aqparat.store.views.ViewController;
import kz.aqparat.store.views.ViewRows;
import kz.aqparat.store.views.ViewRows.RegionArticles;
import kz.aqparat.store.views.ViewRows.RelatedEntity;
import kz.aqparat.store.views.ViewRows.RoleCount;

/**
 * The page of one entity: what the article index ({@link Stores#ARTICLE_INDEX}) holds about it in a window of
 * publication days, summed over every instance's part like the views ({@code ?scope=local} answers a part with
 * every row, unsorted and uncut).
 */
@Controller("/api/entities")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EntityController {

    static final int RELATED = 20;
    static final int ARTICLES = 10;
    static final int VARIANTS = 20;

    /**
     * @param timeline articles per publication day (unknown last)
     * @param roles    the roles stated next to it, with the number of articles that state each
     * @param variants the ways its mentions write it other than {@code name}
     * @param articles the latest articles naming it, newest first
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EntityPage(EntityType type, String name, long articleCount, long mentionCount, String firstDay,
                             String lastDay, List<DayCount> timeline, List<RoleCount> roles, List<String> variants,
                             List<RelatedEntity> related, List<RegionArticles> regions,
                             List<ArticleSummary> articles) {
    }

    private final StoreCluster cluster;
    private final ArticleIndex index;

    public EntityController(StoreCluster cluster, ArticleIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    /** 404 when no article of the window names it. */
    @Get(value = "/{type}/{name}", produces = MediaType.APPLICATION_JSON)
    public EntityPage entity(@PathVariable String type, @PathVariable String name, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String scope) {
        EntityType entityType = ViewController.entityType(type);
        if (entityType == null || name == null || name.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "type and name are required");
        }
        String entityName = name.strip();
        Window window = Window.of(from, to, null, null);
        EntityPage page = local(window, entityType, entityName);
        boolean local = "local".equals(scope);
        if (!local) {
            String path = PeerPath.of("/api/entities/" + entityType + "/"
                    + PeerPath.segment(entityName)).window(window)
                    .toString();
            for (URI peer : cluster.peers(Stores.ARTICLE_INDEX)) {
                EntityPage part = cluster.get(peer, path, Argument.of(EntityPage.class)).orElse(null);
                if (part != null) {
                    page = page == null ? part : plus(page, part);
                }
            }
        }
        if (page == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no article " + (window.unbounded() ? ""
                    : "of " + window.from() + ".." + window.to() + " ") + "names " + entityType + " " + entityName);
        }
        return local ? page : sorted(page);
    }

    private EntityPage local(Window window, EntityType type, String name) {
        long[] counts = new long[2];
        Map<String, Long> days = new HashMap<>();
        Map<String, Long> roles = new HashMap<>();
        Set<String> variants = new LinkedHashSet<>();
        Map<String, RelatedEntity> related = new HashMap<>();
        Map<String, Long> regions = new HashMap<>();
        List<ArticleSummary> articles = new ArrayList<>();
        index.forEach(window, article -> {
            IndexedEntity self = null;
            for (IndexedEntity e : article.entities()) {
                if (e.type() == type && e.name().equals(name)) {
                    self = e;
                    break;
                }
            }
            if (self == null) {
                return;
            }
            counts[0]++;
            counts[1] += self.mentionCount();
            days.merge(article.day(), 1L, Long::sum);
            self.roles().forEach(role -> roles.merge(role, 1L, Long::sum));
            variants.addAll(self.variants());
            for (IndexedEntity e : article.entities()) {
                if (e != self) {
                    RelatedEntity one = new RelatedEntity(e.type(), e.name(), 1);
                    related.merge(one.key(), one, RelatedEntity::plus);
                }
            }
            article.allRegions().forEach(region -> regions.merge(region, 1L, Long::sum));
            articles.add(ArticleSummary.of(article));
            // Only the latest few are answered: keep the list short while scanning.
            if (articles.size() > 4 * ARTICLES) {
                articles.sort(Comparator.comparing(ArticleSummary::indexKey));
                articles.subList(ARTICLES, articles.size()).clear();
            }
        });
        if (counts[0] == 0) {
            return null;
        }
        List<DayCount> timeline = new ArrayList<>();
        days.forEach((day, count) -> timeline.add(new DayCount(day, count)));
        List<RoleCount> roleCounts = new ArrayList<>();
        roles.forEach((role, count) -> roleCounts.add(new RoleCount(role, count)));
        List<RegionArticles> regionCounts = new ArrayList<>();
        regions.forEach((region, count) -> regionCounts.add(new RegionArticles(region, count)));
        articles.sort(Comparator.comparing(ArticleSummary::indexKey));
        return new EntityPage(type, name, counts[0], counts[1], null, null, timeline, roleCounts,
                List.copyOf(variants), List.copyOf(related.values()), regionCounts,
                List.copyOf(articles.subList(0, Math.min(ARTICLES, articles.size()))));
    }

    private static EntityPage plus(EntityPage a, EntityPage b) {
        Map<String, Long> days = new HashMap<>();
        ViewRows.concat(a.timeline(), b.timeline()).forEach(d -> days.merge(d.day(), d.articleCount(), Long::sum));
        Map<String, Long> roles = new HashMap<>();
        ViewRows.concat(a.roles(), b.roles()).forEach(r -> roles.merge(r.role(), r.count(), Long::sum));
        Set<String> variants = new LinkedHashSet<>(ViewRows.concat(a.variants(), b.variants()));
        Map<String, RelatedEntity> related = new HashMap<>();
        ViewRows.concat(a.related(), b.related()).forEach(e -> related.merge(e.key(), e, RelatedEntity::plus));
        Map<String, Long> regions = new HashMap<>();
        ViewRows.concat(a.regions(), b.regions()).forEach(r -> regions.merge(r.region(), r.articleCount(), Long::sum));
        List<ArticleSummary> articles = new ArrayList<>(ViewRows.concat(a.articles(), b.articles()));
        articles.sort(Comparator.comparing(ArticleSummary::indexKey));
        return new EntityPage(a.type(), a.name(), a.articleCount() + b.articleCount(),
                a.mentionCount() + b.mentionCount(), null, null,
                days.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList(),
                roles.entrySet().stream().map(e -> new RoleCount(e.getKey(), e.getValue())).toList(),
                List.copyOf(variants), List.copyOf(related.values()),
                regions.entrySet().stream().map(e -> new RegionArticles(e.getKey(), e.getValue())).toList(),
                List.copyOf(articles.subList(0, Math.min(ARTICLES, articles.size()))));
    }

    /** The answer: lists sorted and cut, first and last known day. */
    private static EntityPage sorted(EntityPage page) {
        List<DayCount> timeline = page.timeline().stream().sorted(ViewController.BY_DAY).toList();
        List<String> known = timeline.stream().map(DayCount::day).filter(d -> !DayCount.UNKNOWN.equals(d)).toList();
        return new EntityPage(page.type(), page.name(), page.articleCount(), page.mentionCount(),
                known.isEmpty() ? null : known.get(0), known.isEmpty() ? null : known.get(known.size() - 1),
                timeline, page.roles().stream().sorted(RoleCount.MOST).toList(),
                page.variants().stream().distinct().limit(VARIANTS).toList(),
                page.related().stream().sorted(RelatedEntity.MOST_ARTICLES).limit(RELATED).toList(),
                page.regions().stream().sorted(RegionArticles.MOST_ARTICLES).toList(), page.articles());
    }

}
