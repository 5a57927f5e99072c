package kz.aqparat.store.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.store.topology.Contributions;
import kz.aqparat.store.topology.IndexKey;
import kz.aqparat.store.topology.ArticleProjection;
import kz.aqparat.store.topology.ArticleProjection.NamedEntity;

/**
 * What the dashboard shows of an article: its names, not its text. Every field is always written. {@code title} is
 * the one derived from the text when the article came without one, and then {@code titleDerived} is true.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArticleSummary(String id, String title, boolean titleDerived, String author, String source, String url, String publishedAt,
                             Instant receivedAt, Instant processedAt, List<String> persons,
                             List<String> organizations, List<String> locations, List<String> regions) {

    /** Most recently received first. */
    public static final Comparator<ArticleSummary> LATEST_FIRST = Comparator
            .comparing(ArticleSummary::receivedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(ArticleSummary::processedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(ArticleSummary::id);

    public static ArticleSummary of(ArticleProjection article) {
        return new ArticleSummary(article.id(), article.title(), article.titleDerived(), article.author(),
                article.source(), article.url(),
                article.publishedAt(), article.receivedAt(), article.processedAt(),
                names(article, EntityType.PERSON), names(article, EntityType.ORGANIZATION),
                names(article, EntityType.LOCATION), article.regions());
    }

    /** The summary of an article of the index. */
    public static ArticleSummary of(IndexedArticle article) {
        return new ArticleSummary(article.id(), article.title(), article.titleDerived(), article.author(),
                article.source(), article.url(), article.publishedAt(), article.receivedAt(), article.processedAt(),
                names(article, EntityType.PERSON), names(article, EntityType.ORGANIZATION),
                names(article, EntityType.LOCATION), article.regions());
    }

    /** Its key in the article index, whose order is newest first by publication day, then by receipt. */
    public String indexKey() {
        return IndexKey.of(Contributions.publicationDay(publishedAt), receivedAt, id);
    }

    private static List<String> names(IndexedArticle article, EntityType type) {
        return article.entities().stream().filter(e -> e.type() == type).map(IndexedArticle.IndexedEntity::name)
                .toList();
    }

    private static List<String> names(ArticleProjection article, EntityType type) {
        return article.entities().stream().filter(e -> e.type() == type).map(NamedEntity::name).distinct().toList();
    }
}
