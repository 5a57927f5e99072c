package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 *
 * @param title        the raw article's title; when it has none, a display title derived from its text (the
 *                     heading of a feed item, otherwise the first sentence, cut at a word boundary), and then
 *                     {@code titleDerived} is true; null only when the text gives none either
 * @param titleDerived true when {@code title} was derived from the text rather than given with the article;
 *                     written only when true, so a record without it (or from before it existed) has a given title
 * @param author       the author given with the article ({@link RawArticle#author()}) or named by the heading at the
 *                     start of its text; also one of {@code entities}, a PERSON with role "автор". Written only when
 *                     known; records from before it existed read as null
 */
public record EnrichedArticle(
        String id,
        String source,
        String url,
        String title,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean titleDerived,
        @JsonInclude(JsonInclude.Include.NON_NULL) String author,
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

    /** An article with a given title (or none) and no author, as before those fields existed. */
    public EnrichedArticle(String id, String source, String url, String title, String publishedAt, String language,
                           String text, Instant receivedAt, List<Entity> entities, List<String> regions,
                           List<Statistic> statistics, List<DateMention> dates, Enrichment enrichment) {
        this(id, source, url, title, false, null, publishedAt, language, text, receivedAt, entities, regions,
                statistics, dates, enrichment);
    }

    /** The raw article's fields as given (its title, its author) with the extraction. */
    public static EnrichedArticle of(RawArticle raw, Extraction extraction, Enrichment enrichment) {
        return new EnrichedArticle(raw.id(), raw.source(), raw.url(), raw.title(), false, raw.author(),
                raw.publishedAt(), raw.language(), raw.text(), raw.receivedAt(), extraction.entities(),
                extraction.regions(), extraction.statistics(), extraction.dates(), enrichment);
    }

    /** This article with a title derived from its text (marked {@link #titleDerived()}). */
    public EnrichedArticle withDerivedTitle(String derived) {
        return new EnrichedArticle(id, source, url, derived, derived != null, author, publishedAt, language, text,
                receivedAt, entities, regions, statistics, dates, enrichment);
    }
}
