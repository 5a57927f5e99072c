package kz.aqparat.enrich.topology;

import kz.aqparat.service.dlq.DeadLetter;

/** What {@link EnrichProcessor} made of one raw record. */
sealed interface EnrichOutcome {

    /** @param json the {@link kz.aqparat.contracts.EnrichedArticle} as written to {@code articles.enriched} */
    record Enriched(String id, byte[] json) implements EnrichOutcome {
    }

    /** A tombstone on {@code articles.raw}: article {@code id} is deleted (the source offset rides in a header). */
    record Deleted(String id) implements EnrichOutcome {
    }

    /** The record goes to the dead-letter topic as {@code deadLetter} says (its headers ride on the record). */
    record Failed(DeadLetter deadLetter) implements EnrichOutcome {
    }
}
