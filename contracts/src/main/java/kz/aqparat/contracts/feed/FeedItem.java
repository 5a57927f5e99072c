package kz.aqparat.contracts.feed;

import kz.aqparat.contracts.RawArticle;

/**
 * One feed item as {@link FeedItemParser} read it.
 *
 * @param title       the heading's title; null when the item has none (most dated items start with the lead)
 * @param rubric      the heading's rubric, e.g. "Конституционная реформа"; null if none
 * @param author      the heading's author; null if none
 * @param publishedAt ISO-8601 date ("2026-02-18") or local date-time ("2026-03-03T05:00"); null if unknown
 * @param source      the agency named in the text ("сообщает Kazpravda.kz"); null if none
 * @param text        the body after the recognised header, otherwise the input exactly as given
 */
public record FeedItem(String title, String rubric, String author, String publishedAt, String source, String text) {

    /** The raw article for this item, without id and receivedAt (ingest-service sets those on acceptance). */
    public RawArticle toRawArticle(String url, String language) {
        return new RawArticle(null, source, url, title, author, publishedAt, language, text, null);
    }
}
