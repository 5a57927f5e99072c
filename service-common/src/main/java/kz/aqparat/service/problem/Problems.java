package kz.aqparat.service.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;
import java.util.Locale;

/**
 * Builds the problem bodies and answers of all services, so that a client reads every error the same way: ingest's
 * refusals, store's, an authentication filter's and Micronaut's own ({@link ProblemResponseProcessor}).
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://aqparat.kz/problems/";
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";
    /** Longest {@code detail}: details may quote the request, and an answer must stay small whatever was sent. */
    public static final int MAX_DETAIL_LENGTH = 500;

    private Problems() {
    }

    /** {@code https://aqparat.kz/problems/<kind>}. */
    public static URI type(String kind) {
        return URI.create(TYPE_PREFIX + kind);
    }

    /** The kind of an error that has no more specific one: the status' name, e.g. "not-found", "too-large". */
    public static String kindOf(HttpStatus status) {
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            return "too-large";
        }
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A problem of the given kind; a longer detail is cut to {@link #MAX_DETAIL_LENGTH} characters. */
    public static Problem of(HttpStatus status, String kind, String detail) {
        String shown = detail == null || detail.isBlank() ? status.getReason() : detail;
        if (shown.length() > MAX_DETAIL_LENGTH) {
            int end = MAX_DETAIL_LENGTH;
            if (Character.isHighSurrogate(shown.charAt(end - 1))) {
                end--;
            }
            shown = shown.substring(0, end) + "…";
        }
        return new Problem(type(kind), status.getReason(), status.getCode(), shown);
    }

    /**
     * The answer for a problem: the status, {@code Content-Type: application/problem+json} and the body. For filters
     * and handlers (e.g. an authentication filter's 401/403); add headers such as {@code Retry-After} to it.
     */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String kind, String detail) {
        return HttpResponse.<Problem>status(status).contentType(APPLICATION_PROBLEM_JSON).body(of(status, kind, detail));
    }
}
