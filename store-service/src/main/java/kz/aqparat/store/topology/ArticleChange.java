package kz.aqparat.store.topology;

import kz.aqparat.contracts.EnrichedArticle;

/**
 * An article replaced by a newer (or the same) version.
 *
 * @param previous the version the views hold so far; null for a new article
 * @param latest   the version that replaces it; null when the article was deleted (a tombstone)
 */
public record ArticleChange(EnrichedArticle previous, EnrichedArticle latest) {
}
