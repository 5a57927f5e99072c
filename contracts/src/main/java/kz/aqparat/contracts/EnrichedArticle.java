package kz.aqparat.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An article with what the extraction engine found in it: the value of {@code articles.enriched} and
 * {@code articles.store}, keyed by {@link #id()}. Its JSON is a public contract: field names stay.
 *
 * <p>Which version of the article it is lives in {@link #enrichment()}: {@link Enrichment#sourceVersion()} (the
 * offset of the raw record in {@code articles.raw}) and {@link Enrichment#version()} (the engine). A null value on
 * {@code articles.enriched} (a tombstone) deletes the article; it carries the raw offset of the delete in header
 * {@link RecordHeaders#SOURCE_OFFSET}.
 */
public record EnrichedArticle(
        String id,
        String source,
        String url,
        String title,
        String publishedAt,
        String language,
        String text,
        Instant receivedAt,
        List<Entity> entities,
        List<String> regions,
        List<Statistic> statistics,
        List<DateMention> dates,
        Enrichment enrichment) {

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        statistics = statistics == null ? List.of() : List.copyOf(statistics);
        dates = dates == null ? List.of() : List.copyOf(dates);
    }

    public static EnrichedArticle of(RawArticle raw, Extraction extraction, Enrichment enrichment) {
        return new EnrichedArticle(raw.id(), raw.source(), raw.url(), raw.title(), raw.publishedAt(),
                raw.language(), raw.text(), raw.receivedAt(), extraction.entities(), extraction.regions(),
                extraction.statistics(), extraction.dates(), enrichment);
    }
}
