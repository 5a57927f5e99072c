package kz.aqparat.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An article as accepted by ingest-service: the value of {@code articles.raw}, keyed by {@link #id()}.
 *
 * @param id          stable id derived from the URL when given, otherwise from the content (see {@link ArticleIds})
 * @param source      agency or feed name, e.g. "Kazpravda.kz"; null if unknown
 * @param url         original URL; null if unknown
 * @param title       title; null if unknown
 * @param author      the author named by the feed (e.g. the byline of a feed item's heading, see
 *                    {@link kz.aqparat.contracts.feed.FeedItemParser}), not part of {@code text}; null if unknown.
 *                    Absent from records written before it existed, which read as null
 * @param publishedAt ISO-8601 date or date-time; null if unknown
 * @param language    ISO 639-1 code, e.g. "ru"
 * @param text        body text; mention offsets downstream index into exactly this string
 * @param receivedAt  when ingest-service accepted the article
 */
public record RawArticle(
        String id,
        String source,
        String url,
        String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String author,
        String publishedAt,
        String language,
        String text,
        Instant receivedAt) {

    /** An article without an author (as before the field existed). */
    public RawArticle(String id, String source, String url, String title, String publishedAt, String language,
                      String text, Instant receivedAt) {
        this(id, source, url, title, null, publishedAt, language, text, receivedAt);
    }

    public RawArticle withId(String newId) {
        return new RawArticle(newId, source, url, title, author, publishedAt, language, text, receivedAt);
    }

    public RawArticle withReceivedAt(Instant at) {
        return new RawArticle(id, source, url, title, author, publishedAt, language, text, at);
    }

    public RawArticle withAuthor(String newAuthor) {
        return new RawArticle(id, source, url, title, newAuthor, publishedAt, language, text, receivedAt);
    }
}
