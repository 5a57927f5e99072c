package kz.aqparat.ingest.articles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.problem.HttpStatusType;
import java.net.URI;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/** RFC 7807 problem bodies ({@code application/problem+json}) for the ingest API. */
public class Problems {

    public static final String TYPE_PREFIX = "https://aqparat.kz/problems/";
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

    public static Problem of(HttpStatus status, String type, String detail) {
        return throwable(status, type, detail);
    }

    static ThrowableProblem throwable(HttpStatus status, String type, String detail) {
        return Problem.builder()
                .withType(URI.create(TYPE_PREFIX + type))
                .withTitle(status.getReason())
                .withStatus(new HttpStatusType(status))
                .withDetail(detail)
                .build();
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
