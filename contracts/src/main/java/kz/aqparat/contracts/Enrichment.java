package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Which version of the extraction engine produced an enriched article, and when.
 *
 * @param truncated what was left out of the article's entities, statistics and dates to keep the enriched article
 *                  within {@link RecordLimits#MAX_ENRICHED_VALUE_BYTES}; absent (null) when nothing was
 */
public record Enrichment(
        String version,
        Instant processedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Truncation truncated) {

    public Enrichment(String version, Instant processedAt) {
        this(version, processedAt, null);
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
