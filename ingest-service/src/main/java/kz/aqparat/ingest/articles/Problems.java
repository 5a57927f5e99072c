package kz.aqparat.ingest.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/**
 * RFC 7807 problem bodies ({@code application/problem+json}) for the ingest API's own refusals. Errors that
 * Micronaut answers itself go through micronaut-problem-json ({@link FrameworkProblems}) with the same fields.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://aqparat.kz/problems/";
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

    /** One problem: {@code type} names the kind (e.g. .../invalid-json), {@code detail} says what to fix. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(URI type, String title, int status, String detail) {
    }

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(TYPE_PREFIX + name);
    }

    public static Problem of(HttpStatus status, String type, String detail) {
        return new Problem(type(type), status.getReason(), status.getCode(), detail);
    }

    public static Problem of(InvalidArticle e) {
        return of(e.status(), e.problemType(), e.getMessage());
    }

    public static MutableHttpResponse<Problem> response(InvalidArticle e) {
        return HttpResponse.<Problem>status(e.status()).contentType(APPLICATION_PROBLEM_JSON).body(of(e));
    }

    public static MutableHttpResponse<Problem> response(KafkaUnavailable e, int retryAfterSeconds) {
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Integer.toString(retryAfterSeconds))
                .body(of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", e.getMessage()));
    }
}
