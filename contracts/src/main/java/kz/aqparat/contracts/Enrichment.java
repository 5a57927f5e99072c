package kz.aqparat.contracts;

import java.time.Instant;

/** Which version of the extraction engine produced an enriched article, and when. */
public record Enrichment(String version, Instant processedAt) {
}
