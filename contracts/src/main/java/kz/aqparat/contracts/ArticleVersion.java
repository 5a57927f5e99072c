package kz.aqparat.contracts;

import java.time.Instant;
import java.util.List;

/**
 * store-service's record of the version of an article that its views count (the value of
 * {@link Stores#ARTICLE_VERSIONS}): when it was enriched and what it adds to each view. It is all that is needed to
 * take that version back out of the views when a newer version or a tombstone arrives, without keeping the article.
 *
 * @param processedAt its {@code enrichment.processedAt}; null when it had none (then it counts as the oldest)
 * @param entities    one row per distinct (type, name), articleCount 1
 * @param regions     one row per region it concerns, articleCount 1
 * @param day         its publication day, or {@link DayCount#UNKNOWN}
 */
public record ArticleVersion(Instant processedAt, List<EntityCount> entities, List<RegionCount> regions,
                             String day) {

    public ArticleVersion {
        entities = entities == null ? List.of() : List.copyOf(entities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        day = day == null ? DayCount.UNKNOWN : day;
    }
}
