package kz.aqparat.service.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/** Placeholder until the shared problem bodies land: the same RFC 7807 shape as ingest's. */
public final class ProblemResponses {

    public static final String TYPE_PREFIX = "https://aqparat.kz/problems/";
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

    public record Problem(URI type, String title, int status, String detail) {
    }

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(HttpStatus status, String type, String detail) {
        return HttpResponse.<Problem>status(status).contentType(APPLICATION_PROBLEM_JSON)
                .body(new Problem(URI.create(TYPE_PREFIX + type), status.getReason(), status.getCode(), detail));
    }
}
