package kz.aqparat.ingest.articles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.service.problem.Problems;

/**
 * {@code POST /api/articles} (one article as JSON or a plain-text feed item) and {@code POST /api/articles/batch}
 * (NDJSON, one article per line, answered per line). Answers only after Kafka acknowledged each write.
 */
@Controller("/api/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {

    public static final String APPLICATION_NDJSON = "application/x-ndjson";

    private final ArticleWriter writer;
    private final IngestConfiguration config;
    private final IngestMetrics metrics;

    public ArticleController(ArticleWriter writer, IngestConfiguration config, IngestMetrics metrics) {
        this.writer = writer;
        this.config = config;
        this.metrics = metrics;
    }

    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > config.getMaxArticleBytes()) {
            throw tooLarge("the article is " + bytes.length + " bytes; the limit is " + config.getMaxArticleBytes()
                    + " (aqparat.ingest.max-article-bytes)");
        }
        MediaType type = request.getContentType().orElseThrow(() -> new InvalidArticle(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "no Content-Type; send application/json or text/plain; charset=utf-8"));
        RawArticle article;
        if (type.matches(MediaType.TEXT_PLAIN_TYPE)) {
            article = ArticleRequests.fromText(bytes, type);
        } else {
            ArticleRequests.requireUtf8(type);
            article = ArticleRequests.fromJson(bytes);
        }
        ArticleWriter.Outcome outcome = writer.write(article);
        return HttpResponse.status(outcome.status() == ArticleWriter.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new Answer(outcome.id(), statusName(outcome.status())));
    }

    /** The answer to one article: 202 {@code {"id", "status": "accepted"}}, 200 {@code "duplicate"}. */
    public record Answer(String id, String status) {
    }

    /**
     * One result per non-empty line, in order: {@code {line, id, status}} for accepted and duplicate articles,
     * {@code {line, status: "rejected", problem}} for a bad line, {@code {line, id, status: "failed", problem}}
     * when Kafka did not take a good line. 200 unless no line could be written because Kafka is unavailable (503).
     * The lines are counted before any is read, so a batch above {@code max-batch-lines} costs no per-line work.
     */
    @Post("/batch")
    @Consumes(APPLICATION_NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> batch(HttpRequest<?> request, @Nullable @Body byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > config.getMaxBatchBytes()) {
            throw tooLarge("the batch is " + bytes.length + " bytes; the limit is " + config.getMaxBatchBytes()
                    + " (aqparat.ingest.max-batch-bytes)");
        }
        request.getContentType().ifPresent(ArticleRequests::requireUtf8);
        BatchLines lines = new BatchLines(bytes);
        int count = lines.count();
        if (count == 0) {
            throw InvalidArticle.badRequest("missing-text", "the batch is empty; expected one JSON article per line");
        }
        if (count > config.getMaxBatchLines()) {
            throw tooLarge("the batch has " + count + " lines; the limit is " + config.getMaxBatchLines()
                    + " (aqparat.ingest.max-batch-lines): split it");
        }
        List<Map<String, Object>> results = new ArrayList<>(count);
        List<ArticleWriter.Pending> pendings = new ArrayList<>(count);
        lines.forEach((number, start, end) -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", number);
            try {
                if (end - start > config.getMaxArticleBytes()) {
                    throw tooLarge("the line is " + (end - start) + " bytes; the limit is "
                            + config.getMaxArticleBytes() + " (aqparat.ingest.max-article-bytes)");
                }
                ArticleWriter.Pending pending = writer.submit(ArticleRequests.fromJson(lines.copy(start, end)));
                result.put("id", pending.id());
                pendings.add(pending);
            } catch (InvalidArticle e) {
                metrics.rejected();
                result.put("status", "rejected");
                result.put("problem", Problems.of(e.status(), e.problemType(), e.getMessage()));
                pendings.add(null);
            }
            results.add(result);
        });
        long deadline = writer.deadline();
        int written = 0;
        int failed = 0;
        KafkaUnavailable lastFailure = null;
        for (int i = 0; i < results.size(); i++) {
            ArticleWriter.Pending pending = pendings.get(i);
            if (pending != null) {
                try {
                    results.get(i).put("status", statusName(writer.await(pending, deadline).status()));
                    written++;
                } catch (KafkaUnavailable e) {
                    failed++;
                    lastFailure = e;
                    results.get(i).put("status", "failed");
                    results.get(i).put("problem",
                            Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", e.getMessage()));
                }
            }
        }
        if (failed > 0 && written == 0) {
            throw lastFailure;
        }
        return HttpResponse.ok(results);
    }

    private static String statusName(ArticleWriter.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static InvalidArticle tooLarge(String detail) {
        return new InvalidArticle(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", detail);
    }

    @Error
    HttpResponse<?> invalid(InvalidArticle e) {
        return Problems.response(e.status(), e.problemType(), e.getMessage());
    }

    @Error
    HttpResponse<?> unavailable(KafkaUnavailable e) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", e.getMessage())
                .header("Retry-After", Integer.toString(config.getRetryAfterSeconds()));
    }
}
