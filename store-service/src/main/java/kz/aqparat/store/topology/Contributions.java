package kz.aqparat.store.topology;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RegionCount;
import org.apache.kafka.streams.KeyValue;

/**
 * What one article version adds to each view, keyed by view key, and the table records that move the views from
 * one version's contributions to the next: an upsert per (article, view key) of the latest version and a tombstone
 * per (article, view key) that only the previous version had.
 */
final class Contributions {

    /** Separates the article id from the view key in a contribution table key. */
    static final char SEPARATOR = '\u001F';

    private Contributions() {
    }

    static <V> List<KeyValue<String, V>> changes(String articleId, ArticleChange change,
                                                 Function<EnrichedArticle, Map<String, V>> contributionsOf) {
        Map<String, V> previous = change.previous() == null ? Map.of() : contributionsOf.apply(change.previous());
        Map<String, V> latest = change.latest() == null ? Map.of() : contributionsOf.apply(change.latest());
        List<KeyValue<String, V>> records = new ArrayList<>();
        for (String viewKey : previous.keySet()) {
            if (!latest.containsKey(viewKey)) {
                records.add(KeyValue.pair(articleId + SEPARATOR + viewKey, null));
            }
        }
        latest.forEach((viewKey, value) -> records.add(KeyValue.pair(articleId + SEPARATOR + viewKey, value)));
        return records;
    }

    /** One row per distinct (type, name): its mentions in this article, and one article. */
    static Map<String, EntityCount> entities(EnrichedArticle article) {
        Map<String, EntityCount> byKey = new LinkedHashMap<>();
        for (Entity entity : article.entities()) {
            if (entity.type() == null || entity.name() == null || entity.name().isBlank()) {
                continue;
            }
            byKey.merge(EntityCount.key(entity.type(), entity.name()),
                    new EntityCount(entity.type(), entity.name(), entity.mentions().size(), 1),
                    (a, b) -> new EntityCount(a.type(), a.name(), a.mentionCount() + b.mentionCount(), 1));
        }
        return byKey;
    }

    /**
     * One row per region the article concerns (its {@code regions}, and the regions of its locations), with the
     * mentions of its locations in that region.
     */
    static Map<String, RegionCount> regions(EnrichedArticle article) {
        Map<String, Long> mentions = new LinkedHashMap<>();
        for (String region : article.regions()) {
            if (region != null && !region.isBlank()) {
                mentions.putIfAbsent(region, 0L);
            }
        }
        for (Entity entity : article.entities()) {
            if (entity.type() == EntityType.LOCATION && entity.region() != null && !entity.region().isBlank()) {
                mentions.merge(entity.region(), (long) entity.mentions().size(), Long::sum);
            }
        }
        Map<String, RegionCount> byRegion = new LinkedHashMap<>();
        mentions.forEach((region, count) -> byRegion.put(region, new RegionCount(region, 1, count)));
        return byRegion;
    }

    /** The article's publication day, or {@link DayCount#UNKNOWN}. */
    static Map<String, DayCount> day(EnrichedArticle article) {
        String day = publicationDay(article.publishedAt());
        return Map.of(day, new DayCount(day, 1));
    }

    /** The day as written in an ISO-8601 date or date-time (the publisher's local day), else "unknown". */
    static String publicationDay(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return DayCount.UNKNOWN;
        }
        try {
            return LocalDate.parse(publishedAt.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            return DayCount.UNKNOWN;
        }
    }

    static EntityCount plus(EntityCount a, EntityCount b) {
        return a == null ? b : new EntityCount(b.type(), b.name(), a.mentionCount() + b.mentionCount(),
                a.articleCount() + b.articleCount());
    }

    static EntityCount minus(EntityCount a, EntityCount b) {
        return new EntityCount(a.type(), a.name(), a.mentionCount() - b.mentionCount(),
                a.articleCount() - b.articleCount());
    }

    static RegionCount plus(RegionCount a, RegionCount b) {
        return a == null ? b : new RegionCount(b.region(), a.articleCount() + b.articleCount(),
                a.mentionCount() + b.mentionCount());
    }

    static RegionCount minus(RegionCount a, RegionCount b) {
        return new RegionCount(a.region(), a.articleCount() - b.articleCount(), a.mentionCount() - b.mentionCount());
    }

    static DayCount plus(DayCount a, DayCount b) {
        return a == null ? b : new DayCount(b.day(), a.articleCount() + b.articleCount());
    }

    static DayCount minus(DayCount a, DayCount b) {
        return new DayCount(a.day(), a.articleCount() - b.articleCount());
    }

}
