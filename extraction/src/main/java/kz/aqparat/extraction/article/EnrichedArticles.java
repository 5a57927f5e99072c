package kz.aqparat.extraction.article;

import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.feed.FeedItemParser;

/**
 * The enriched article of a raw article and the engine's extraction of its text, as enrich-service writes it and
 * {@code ./pipeline extract} prints it: the raw article's fields, with
 * <ul>
 *   <li>its author: the one given, otherwise the one of a feed heading at the start of the text (an article sent
 *       as JSON with the feed item as its text), and that author among the persons ({@link Authors});</li>
 *   <li>a title derived from the text when it has none, marked {@link EnrichedArticle#titleDerived()}
 *       ({@link DisplayTitles}).</li>
 * </ul>
 */
public final class EnrichedArticles {

    private EnrichedArticles() {
    }

    public static EnrichedArticle of(RawArticle raw, Extraction extraction, Enrichment enrichment) {
        String author = Authors.normalized(raw.author());
        if (author == null && raw.text() != null) {
            author = Authors.normalized(FeedItemParser.parse(raw.text()).author());
        }
        EnrichedArticle article = EnrichedArticle.of(raw.withAuthor(author),
                Authors.withAuthor(extraction, author), enrichment);
        if (raw.title() == null || raw.title().isBlank()) {
            article = article.withDerivedTitle(DisplayTitles.derive(raw.text()));
        }
        return article;
    }
}
