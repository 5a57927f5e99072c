package kz.aqparat.enrich.topology;

/** A record that is well-formed JSON (or nothing at all) but not an article that can be enriched. */
public final class InvalidArticleException extends RuntimeException {

    public InvalidArticleException(String message) {
        super(message);
    }
}
