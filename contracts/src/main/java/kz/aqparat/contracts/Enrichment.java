package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Which version of the extraction engine produced an enriched article, when, and from which raw record.
 *
 * <p>An article's versions are ordered by {@link #sourceVersion()}, then by {@link #version()} compared as dotted
 * numbers: that is how store-service decides which enrichment of an article wins. {@link #processedAt()} is the
 * enricher's wall clock and orders nothing (two enrich instances, or a replay, may disagree on it).
 *
 * @param version       the extraction engine's version, e.g. {@code "0.4.0"}
 * @param processedAt   when enrich-service enriched it (informational)
 * @param sourceVersion the article's <em>source version</em>: the offset in {@code articles.raw} of the raw record
 *                      it was enriched from (an article id always maps to the same partition, so offsets of one
 *                      article are comparable). Read from the record's own offset for {@code articles.raw}, from
 *                      {@link RecordHeaders#SOURCE_OFFSET} for {@code articles.replay}. Absent (null) in data
 *                      written before it existed, or outside the pipeline (e.g. {@code ./pipeline extract}); an
 *                      absent source version counts as the oldest
 * @param truncated     what was left out of the article's entities, statistics and dates to keep the enriched
 *                      article within {@link RecordLimits#MAX_ENRICHED_VALUE_BYTES}; absent (null) when nothing was
 */
public record Enrichment(
        String version,
        Instant processedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sourceVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Truncation truncated) {

    /** Without a source version (outside the pipeline) and without truncation. */
    public Enrichment(String version, Instant processedAt) {
        this(version, processedAt, null, null);
    }

    public Enrichment(String version, Instant processedAt, long sourceVersion) {
        this(version, processedAt, sourceVersion, null);
    }

    public Enrichment withTruncated(Truncation truncation) {
        return new Enrichment(version, processedAt, sourceVersion, truncation);
    }

    /**
     * How many items enrichment found but left out. Entities with the fewest mentions are left out first (and
     * any whose name is longer than {@link RecordLimits#MAX_NAME_CHARS}); of an entity's mentions, statistics and
     * dates the first ones in the text are kept. A cut entity keeps its exact count in {@link Entity#mentionCount()}.
     *
     * @param entities   entities left out (with all their mentions)
     * @param mentions   mentions left out of the entities that are kept
     * @param roles      roles left out of the entities that are kept
     * @param statistics statistics left out
     * @param dates      dates left out
     */
    public record Truncation(int entities, int mentions, int roles, int statistics, int dates) {
    }
}
