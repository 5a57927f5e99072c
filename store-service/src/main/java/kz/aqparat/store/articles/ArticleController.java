package kz.aqparat.store.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.Stores;
import kz.aqparat.store.index.ArticleIndex;
import kz.aqparat.store.index.PeerPath;
import kz.aqparat.store.index.Window;
import kz.aqparat.store.query.StoreCluster;
import kz.aqparat.store.topology.IndexKey;
import kz.aqparat.store.views.Limits;
import kz.aqparat.store.views.ViewController;

/**
 * The latest version of each article, from {@link Stores#ARTICLES_BY_ID}, and the search over the article index
 * ({@link Stores#ARTICLE_INDEX}).
 */
@Controller("/api/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {

    private final StoreCluster cluster;
    private final ArticleIndex index;

    public ArticleController(StoreCluster cluster, ArticleIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    /** The enriched article in its contract JSON; 404 when no version of it has been stored. */
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> article(@PathVariable String id, @Nullable @QueryValue String scope) {
        if (!"local".equals(scope)) {
            Optional<URI> owner = cluster.remoteOwner(Stores.ARTICLES_BY_ID, id);
            if (owner.isPresent()) {
                String path = "/api/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                        + "?" + StoreCluster.LOCAL_SCOPE;
                return cluster.get(owner.get(), path, Argument.STRING)
                        .map(HttpResponse::ok)
                        .orElseThrow(() -> notFound(id));
            }
        }
        byte[] article = cluster.local(Stores.ARTICLES_BY_ID).get(id);
        if (article == null) {
            throw notFound(id);
        }
        // The JSON as enrich-service wrote it: the contract, served without being parsed.
        return HttpResponse.ok(new String(article, StandardCharsets.UTF_8));
    }

    /** A page of the search: the articles, and the cursor of the next page (null on the last one). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ArticlePage(List<ArticleSummary> articles, String next) {
    }

    /**
     * The articles of a window that name an entity ({@code TYPE:name}), concern a region, come from a source;
     * newest first (publication day, then receipt), {@code limit} per page, the next page after {@code cursor}.
     * Each partition's part of the index is read from the cursor on until the page is full, so a page costs its
     * length (times the partitions), not the store's size; a rare entity's page may read many articles to fill.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public ArticlePage search(@Nullable @QueryValue String entity, @Nullable @QueryValue String region,
                              @Nullable @QueryValue String source, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit,
                              @Nullable @QueryValue String cursor, @Nullable @QueryValue String scope) {
        boolean local = "local".equals(scope);
        // A peer is asked for one more than the page, to tell whether there is a next page.
        int n = local && limit != null && limit == Limits.MAX + 1 ? limit : Limits.check(limit);
        Window window = Window.of(from, to, region, source);
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = IndexKey.fromCursor(cursor.strip());
            } catch (IllegalArgumentException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "cursor is not one this API gave: " + cursor);
            }
        }
        Predicate<IndexedArticle> named = named(entity);
        List<ArticleSummary> rows = new ArrayList<>();
        for (var entry : index.first(window, after, local ? n : n + 1, named)) {
            rows.add(ArticleSummary.of(entry.value));
        }
        if (local) {
            return new ArticlePage(rows, null);
        }
        String path = PeerPath.of("/api/articles").window(window).with("entity", entity)
                .with("limit", n + 1).with("cursor", cursor).toString();
        for (URI peer : cluster.peers(Stores.ARTICLE_INDEX)) {
            cluster.get(peer, path, Argument.of(ArticlePage.class)).ifPresent(page -> rows.addAll(page.articles()));
        }
        rows.sort(Comparator.comparing(ArticleSummary::indexKey));
        if (rows.size() <= n) {
            return new ArticlePage(rows, null);
        }
        List<ArticleSummary> page = List.copyOf(rows.subList(0, n));
        return new ArticlePage(page, IndexKey.cursor(page.get(n - 1).indexKey()));
    }

    /** The filter of {@code entity=TYPE:name}; 400 when it is not one. */
    private static Predicate<IndexedArticle> named(String entity) {
        if (entity == null || entity.isBlank()) {
            return article -> true;
        }
        int colon = entity.indexOf(':');
        if (colon < 0 || colon == entity.length() - 1) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "entity must be TYPE:name, e.g. PERSON:Аида Балаева, was " + entity);
        }
        EntityType type = ViewController.entityType(entity.substring(0, colon));
        String name = entity.substring(colon + 1).strip();
        return article -> article.entities().stream().anyMatch(e -> e.type() == type && e.name().equals(name));
    }

    private static HttpStatusException notFound(String id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no article with id " + id);
    }
}
