package kz.aqparat.enrich.topology;

import kz.aqparat.service.dlq.DeadLetter;

/** What {@link EnrichProcessor} made of one raw record. */
sealed interface EnrichOutcome {

    /** @param json the {@link kz.aqparat.contracts.EnrichedArticle} as written to {@code articles.enriched} */
    record Enriched(String id, byte[] json) implements EnrichOutcome {
    }

    /** The record goes to the dead-letter topic as {@code deadLetter} says (its headers ride on the record). */
    record Failed(DeadLetter deadLetter) implements EnrichOutcome {
    }
}
