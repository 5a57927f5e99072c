package kz.aqparat.store.articles;

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
import java.util.List;
import java.util.Optional;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import kz.aqparat.store.query.StoreCluster;
import kz.aqparat.store.topology.ReceivedArticle;
import kz.aqparat.store.views.Limits;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The latest version of each article, from {@link Stores#ARTICLES_BY_ID}. */
@Controller("/api/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {

    private final StoreCluster cluster;

    public ArticleController(StoreCluster cluster) {
        this.cluster = cluster;
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

    /** The most recently received articles, newest first. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public List<ArticleSummary> latest(@Nullable @QueryValue Integer limit, @Nullable @QueryValue String scope) {
        int n = Limits.check(limit);
        List<ArticleSummary> local = new ArrayList<>();
        ReadOnlyKeyValueStore<String, byte[]> store = cluster.local(Stores.ARTICLES_BY_ID);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> local.add(ArticleSummary.of(
                    ReceivedArticle.parse(Topics.ARTICLES_STORE.name(), entry.value))));
        }
        List<ArticleSummary> rows = "local".equals(scope) ? local : cluster.gather(Stores.ARTICLES_BY_ID, local,
                "/api/articles?limit=" + n + "&" + StoreCluster.LOCAL_SCOPE,
                Argument.listOf(ArticleSummary.class));
        return rows.stream().sorted(ArticleSummary.LATEST_FIRST).limit(n).toList();
    }

    private static HttpStatusException notFound(String id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no article with id " + id);
    }
}
