package kz.aqparat.ingest.articles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import kz.aqparat.service.problem.Problems;

/**
 * {@code DELETE /api/articles/{id}} (operator key, see {@link kz.aqparat.service.auth.AccessPolicy}): deletes an
 * article that ingest has seen, by a tombstone on {@code articles.raw}, answered 202 {@code {"id", "deleted": true,
 * "sourceVersion"}} once Kafka has it; 404 for an id ingest never saw, 503 while Kafka or the id view is not there.
 */
@Controller("/api/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleDeleteController {

    private final ArticleDeletes deletes;
    private final ArticleIdView ids;
    private final IngestConfiguration config;

    public ArticleDeleteController(ArticleDeletes deletes, ArticleIdView ids, IngestConfiguration config) {
        this.deletes = deletes;
        this.ids = ids;
        this.config = config;
    }

    /** @param sourceVersion the delete's offset in {@code articles.raw} */
    public record Deleted(String id, boolean deleted, long sourceVersion) {
    }

    @Delete("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> delete(@PathVariable String id) {
        if (!ids.isReady()) {
            throw new KafkaUnavailable("the article id view is still loading from Kafka", null);
        }
        if (!ids.knows(id)) {
            return Problems.response(HttpStatus.NOT_FOUND, "not-found",
                    "no article " + id + " was ever written to articles.raw");
        }
        return HttpResponse.accepted().body(new Deleted(id, true, deletes.delete(id)));
    }

    @Error
    HttpResponse<?> unavailable(KafkaUnavailable e) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", e.getMessage())
                .header("Retry-After", Integer.toString(config.getRetryAfterSeconds()));
    }
}
