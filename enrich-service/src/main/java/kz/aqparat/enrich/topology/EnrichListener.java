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

    default void deadLettered(String stage, Throwable error) {
    }
}
