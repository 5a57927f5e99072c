package kz.aqparat.ingest.articles;

import io.micronaut.http.HttpStatus;

/** A request the service refuses: its status (400, 413, 415) and a detail that tells the client what to fix. */
public final class InvalidArticle extends RuntimeException {

    private final HttpStatus status;
    private final String problemType;

    public InvalidArticle(HttpStatus status, String problemType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.problemType = problemType;
    }

    public HttpStatus status() {
        return status;
    }

    /** Short name of the problem, the last segment of the problem type URI, e.g. "invalid-json". */
    public String problemType() {
        return problemType;
    }

    static InvalidArticle badRequest(String type, String detail) {
        return new InvalidArticle(HttpStatus.BAD_REQUEST, type, detail);
    }
}
