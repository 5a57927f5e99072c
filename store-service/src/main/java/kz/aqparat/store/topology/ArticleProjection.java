package kz.aqparat.store.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityType;

/**
 * What store-service needs of an {@link EnrichedArticle}: what the views count and what the dashboard shows of it.
 * It is read from the article's JSON with the contract's field names; everything else (the text, statistics, dates,
 * mention texts) is skipped by the parser without being decoded. {@code titleDerived} and {@code author} are absent
 * from articles enriched before they existed, which read as a given title and no author.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleProjection(String id, String source, String url, String title, boolean titleDerived,
                                String author, String publishedAt, Instant receivedAt, List<NamedEntity> entities, List<String> regions,
                                Enrichment enrichment) {

    public ArticleProjection {
        entities = entities == null ? List.of() : entities;
        regions = regions == null ? List.of() : regions;
    }

    /** Its {@code enrichment.processedAt}, or null. */
    public Instant processedAt() {
        return enrichment == null ? null : enrichment.processedAt();
    }

    /** Its {@code enrichment.sourceVersion} (offset in {@code articles.raw}), or null (older data). */
    public Long sourceVersion() {
        return enrichment == null ? null : enrichment.sourceVersion();
    }

    /** Its {@code enrichment.version}, the engine's, or null. */
    public String engineVersion() {
        return enrichment == null ? null : enrichment.version();
    }

    /**
     * An entity: its type, name and region, and how many mentions it has: its {@code mentionCount} when the
     * article gives one (enrich-service then listed only some of them), else the length of its mention list.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NamedEntity(EntityType type, String name, String region,
                              @JsonDeserialize(using = ElementCount.class) Integer mentions) {

        public NamedEntity {
            mentions = mentions == null ? 0 : mentions;
        }

        @JsonCreator
        static NamedEntity of(@JsonProperty("type") EntityType type, @JsonProperty("name") String name,
                              @JsonProperty("region") String region,
                              @JsonProperty("mentionCount") Integer mentionCount,
                              @JsonProperty("mentions") @JsonDeserialize(using = ElementCount.class)
                              Integer listed) {
            if (mentionCount != null && mentionCount < 0) {
                throw new IllegalArgumentException("mentionCount is negative: " + mentionCount);
            }
            return new NamedEntity(type, name, region, mentionCount != null ? mentionCount : listed);
        }
    }

    /** The part of the article's {@code enrichment} that decides which version wins. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrichment(String version, Instant processedAt, Long sourceVersion) {
    }

    /** Counts the elements of a JSON array, skipping their content. */
    static final class ElementCount extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                parser.skipChildren();
                count++;
            }
            return count;
        }
    }
}
