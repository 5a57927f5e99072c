package kz.aqparat.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What store-service's article index ({@link Stores#ARTICLE_INDEX}) keeps of the counted version of an article:
 * enough to filter it (day, source, regions, entities), to count it in any windowed view and to list it, without
 * reading the article. Every string is one of the article's own, some cut short, so an entry is never larger than
 * the article.
 *
 * @param day        its publication day, or {@link DayCount#UNKNOWN}
 * @param entities   one per distinct (type, name)
 * @param regions    the article's own {@code regions} (those of its locations are with them, {@link #allRegions()})
 * @param statistics its statistics, at most {@link #MAX_STATISTICS}
 */
public record IndexedArticle(String id, String title, boolean titleDerived, String author, String source, String url,
                             String publishedAt, String day, Instant receivedAt, Instant processedAt,
                             List<IndexedEntity> entities, List<String> regions, List<IndexedStatistic> statistics) {

    /** Most statistics kept per article. */
    public static final int MAX_STATISTICS = 100;
    /** Most characters kept of a statistic's text, a role or a name variant. */
    public static final int MAX_SHORT_TEXT = 200;
    /** Most roles and most name variants kept per entity. */
    public static final int MAX_ROLES = 10;
    public static final int MAX_VARIANTS = 5;

    public IndexedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        statistics = statistics == null ? List.of() : List.copyOf(statistics);
        day = day == null ? DayCount.UNKNOWN : day;
    }

    /** Every region the article concerns: its own {@code regions} and those of its locations, in that order. */
    public java.util.Set<String> allRegions() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(regions);
        for (IndexedEntity entity : entities) {
            if (entity.type() == EntityType.LOCATION && entity.region() != null && !entity.region().isBlank()) {
                all.add(entity.region());
            }
        }
        return all;
    }

    /**
     * An entity of the article.
     *
     * @param mentionCount its mentions in the article (its {@code mentionCount}, else its listed mentions)
     * @param region       for a location, its region; else null
     * @param roles        the roles stated next to it
     * @param variants     how its mentions write it, when not as {@code name}
     */
    public record IndexedEntity(EntityType type, String name, int mentionCount, String region, List<String> roles,
                                List<String> variants) {

        public IndexedEntity {
            roles = roles == null ? List.of() : List.copyOf(roles);
            variants = variants == null ? List.of() : List.copyOf(variants);
        }
    }

    /** A statistic of the article: its number, unit and currency, and the start of its text. */
    public record IndexedStatistic(Statistic.Kind kind, String unit, String currency, java.math.BigDecimal value,
                                   Qualifier qualifier, String text) {
    }
}
