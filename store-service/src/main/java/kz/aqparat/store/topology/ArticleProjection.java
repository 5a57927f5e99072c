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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.Statistic;

/**
 * What store-service needs of an {@link EnrichedArticle}: what the views count and what the dashboard shows of it.
 * It is read from the article's JSON with the contract's field names; everything else (the text, statistics, dates,
 * mention positions) is skipped by the parser without being decoded. {@code titleDerived} and {@code author} are absent
 * from articles enriched before they existed, which read as a given title and no author.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleProjection(String id, String source, String url, String title, boolean titleDerived,
                                String author, String publishedAt, Instant receivedAt, List<NamedEntity> entities, List<String> regions,
                                List<Statistic> statistics, Enrichment enrichment) {

    public ArticleProjection {
        entities = entities == null ? List.of() : entities;
        regions = regions == null ? List.of() : regions;
        statistics = statistics == null ? List.of() : statistics;
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
     * article gives one (enrich-service then listed only some of them), else the length of its mention list; its
     * roles, and the first few distinct ways its mentions write it other than {@code name}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NamedEntity(EntityType type, String name, String region, Integer mentions, List<String> roles,
                              List<String> variants) {

        public NamedEntity {
            mentions = mentions == null ? 0 : mentions;
            roles = roles == null ? List.of() : roles;
            variants = variants == null ? List.of() : variants;
        }

        @JsonCreator
        static NamedEntity of(@JsonProperty("type") EntityType type, @JsonProperty("name") String name,
                              @JsonProperty("region") String region,
                              @JsonProperty("roles") List<String> roles,
                              @JsonProperty("mentionCount") Integer mentionCount,
                              @JsonProperty("mentions") @JsonDeserialize(using = MentionTexts.class)
                              MentionTexts.Listed listed) {
            if (mentionCount != null && mentionCount < 0) {
                throw new IllegalArgumentException("mentionCount is negative: " + mentionCount);
            }
            int count = mentionCount != null ? mentionCount : listed == null ? 0 : listed.count();
            List<String> variants = listed == null ? List.of()
                    : listed.texts().stream().filter(text -> !text.equals(name)).toList();
            return new NamedEntity(type, name, region, count, roles, variants);
        }
    }

    /** The part of the article's {@code enrichment} that decides which version wins. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrichment(String version, Instant processedAt, Long sourceVersion) {
    }

    /**
     * Reads a mention list: how many mentions it has and the first {@link IndexedArticle#MAX_VARIANTS} + 1
     * distinct texts (cut to {@link IndexedArticle#MAX_SHORT_TEXT} characters), skipping everything else.
     */
    static final class MentionTexts extends JsonDeserializer<MentionTexts.Listed> {

        record Listed(int count, List<String> texts) {
        }

        @Override
        public Listed deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return (Listed) context.handleUnexpectedToken(Listed.class, parser);
            }
            int count = 0;
            Set<String> texts = new LinkedHashSet<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                count++;
                if (token != JsonToken.START_OBJECT || texts.size() > IndexedArticle.MAX_VARIANTS) {
                    parser.skipChildren();
                    continue;
                }
                for (JsonToken field = parser.nextToken(); field == JsonToken.FIELD_NAME; field = parser.nextToken()) {
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && "text".equals(parser.currentName())) {
                        String text = parser.getText();
                        texts.add(text.length() > IndexedArticle.MAX_SHORT_TEXT
                                ? text.substring(0, IndexedArticle.MAX_SHORT_TEXT) : text);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            return new Listed(count, List.copyOf(texts));
        }
    }
}
