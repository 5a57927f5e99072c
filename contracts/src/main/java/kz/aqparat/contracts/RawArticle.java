package kz.aqparat.contracts;

import java.time.Instant;

/**
 * An article as accepted by ingest-service: the value of {@code articles.raw}, keyed by {@link #id()}.
 *
 * @param id          stable id derived from the URL when given, otherwise from the content (see {@link ArticleIds})
 * @param source      agency or feed name, e.g. "Kazpravda.kz"; null if unknown
 * @param url         original URL; null if unknown
 * @param title       title; null if unknown
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
        String publishedAt,
        String language,
        String text,
        Instant receivedAt) {

    public RawArticle withId(String newId) {
        return new RawArticle(newId, source, url, title, publishedAt, language, text, receivedAt);
    }

    public RawArticle withReceivedAt(Instant at) {
        return new RawArticle(id, source, url, title, publishedAt, language, text, at);
    }
}
