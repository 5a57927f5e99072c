package kz.aqparat.store.topology;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.store.topology.ArticleProjection.NamedEntity;

/** What one article version adds to each view: one row per view key, each with an article count of 1. */
public final class Contributions {

    private Contributions() {
    }

    /**
     * The version record of an article: its versions (source and engine), enrichment time, text fingerprint and
     * contributions.
     */
    static ArticleVersion of(ArticleProjection article, String fingerprint) {
        return new ArticleVersion(article.processedAt(), entities(article), regions(article),
                publicationDay(article.publishedAt()), article.sourceVersion(), article.engineVersion(), fingerprint,
                false, article.receivedAt());
    }

    /** One row per distinct (type, name): its mentions in this article, and one article. */
    static List<EntityCount> entities(ArticleProjection article) {
        Map<String, EntityCount> byKey = new LinkedHashMap<>();
        for (NamedEntity entity : article.entities()) {
            if (entity.type() == null || entity.name() == null || entity.name().isBlank()) {
                continue;
            }
            byKey.merge(EntityCount.key(entity.type(), entity.name()),
                    new EntityCount(entity.type(), entity.name(), entity.mentions(), 1),
                    (a, b) -> new EntityCount(a.type(), a.name(), a.mentionCount() + b.mentionCount(), 1));
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * One row per region the article concerns (its {@code regions}, and the regions of its locations), with the
     * mentions of its locations in that region.
     */
    static List<RegionCount> regions(ArticleProjection article) {
        Map<String, Long> mentions = new LinkedHashMap<>();
        for (String region : article.regions()) {
            if (region != null && !region.isBlank()) {
                mentions.putIfAbsent(region, 0L);
            }
        }
        for (NamedEntity entity : article.entities()) {
            if (entity.type() == EntityType.LOCATION && entity.region() != null && !entity.region().isBlank()) {
                mentions.merge(entity.region(), (long) entity.mentions(), Long::sum);
            }
        }
        List<RegionCount> rows = new ArrayList<>();
        mentions.forEach((region, count) -> rows.add(new RegionCount(region, 1, count)));
        return rows;
    }

    /** The day as written in an ISO-8601 date or date-time (the publisher's local day), else "unknown". */
    public static String publicationDay(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return DayCount.UNKNOWN;
        }
        try {
            return LocalDate.parse(publishedAt.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            return DayCount.UNKNOWN;
        }
    }
}
