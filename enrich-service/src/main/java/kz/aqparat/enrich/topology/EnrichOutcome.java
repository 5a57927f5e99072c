package kz.aqparat.enrich.topology;

import kz.aqparat.contracts.EnrichedArticle;

/** What {@link EnrichProcessor} made of one raw record. */
sealed interface EnrichOutcome {

    record Enriched(EnrichedArticle article) implements EnrichOutcome {
    }

    /** The record goes to the dead-letter topic unchanged; the reason travels in its headers. */
    record Failed(byte[] originalValue) implements EnrichOutcome {
    }
}
