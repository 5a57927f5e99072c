package kz.aqparat.enrich.topology;

/** What {@link EnrichProcessor} made of one raw record. */
sealed interface EnrichOutcome {

    /** @param json the {@link kz.aqparat.contracts.EnrichedArticle} as written to {@code articles.enriched} */
    record Enriched(String id, byte[] json) implements EnrichOutcome {
    }

    /** The record goes to the dead-letter topic unchanged; the reason travels in its headers. */
    record Failed(byte[] originalValue) implements EnrichOutcome {
    }
}
