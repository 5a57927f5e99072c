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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.aqparat.contracts.RawArticle;

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
        RawArticle article = type.matches(MediaType.TEXT_PLAIN_TYPE)
                ? ArticleRequests.fromText(bytes, type)
                : ArticleRequests.fromJson(bytes);
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
     */
    @Post("/batch")
    @Consumes(APPLICATION_NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> batch(@Nullable @Body byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > config.getMaxBatchBytes()) {
            throw tooLarge("the batch is " + bytes.length + " bytes; the limit is " + config.getMaxBatchBytes()
                    + " (aqparat.ingest.max-batch-bytes)");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw InvalidArticle.badRequest("missing-text", "the batch is empty; expected one JSON article per line");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<Object> pendingOrResult = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            lineNumber++;
            byte[] line = java.util.Arrays.copyOfRange(bytes, start, end);
            start = end + 1;
            if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                continue;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", lineNumber);
            try {
                if (line.length > config.getMaxArticleBytes()) {
                    throw tooLarge("the line is " + line.length + " bytes; the limit is " + config.getMaxArticleBytes());
                }
                ArticleWriter.Pending pending = writer.submit(ArticleRequests.fromJson(line));
                result.put("id", pending.id());
                pendingOrResult.add(pending);
            } catch (InvalidArticle e) {
                metrics.rejected();
                result.put("status", "rejected");
                result.put("problem", Problems.of(e));
                pendingOrResult.add(null);
            }
            results.add(result);
        }
        long deadline = writer.deadline();
        int written = 0;
        int failed = 0;
        KafkaUnavailable lastFailure = null;
        for (int i = 0; i < results.size(); i++) {
            if (pendingOrResult.get(i) instanceof ArticleWriter.Pending pending) {
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

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static String statusName(ArticleWriter.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static InvalidArticle tooLarge(String detail) {
        return new InvalidArticle(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", detail);
    }

    @Error
    HttpResponse<?> invalid(InvalidArticle e) {
        metrics.rejected();
        return Problems.response(e);
    }

    @Error
    HttpResponse<?> unavailable(KafkaUnavailable e) {
        return Problems.response(e, config.getRetryAfterSeconds());
    }
}
