package kz.aqparat.enrich.topology;

import kz.aqparat.contracts.EnrichedArticle;

/**
 * Told about every record the topology handled, e.g. to count them. Called on the stream thread; under
 * exactly_once_v2 a record of an aborted transaction is processed, and reported, again.
 */
public interface EnrichListener {

    EnrichListener NONE = new EnrichListener() {
    };

    default void enriched(EnrichedArticle article) {
    }

    /** A tombstone of {@code articles.raw} was forwarded to {@code articles.enriched}. */
    default void deleted(String id) {
    }

    default void deadLettered(String stage, Throwable error) {
    }
}
