package kz.aqparat.cli.chaos;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;

/**
 * The views recomputed from scratch from the stored articles (the latest version of each id in
 * {@code articles.store}), counted the way store-service counts (its {@code Contributions} and
 * {@code PartialView}): per distinct (type, name) one article and its mentions; per region of the article's
 * {@code regions} and of its locations one article and its locations' mentions there; per publication day one
 * article. Rows are keyed as the store keys them and hold the counts as {@code [articles, mentions]}.
 */
final class ExpectedViews {

    /** Rows of one view by key: {@code [articleCount, mentionCount]} (timeline: mentions 0). */
    record View(Map<String, List<Long>> rows) {
    }

    final Map<EntityType, View> entities = new LinkedHashMap<>();
    final View regions;
    final View timeline;

    private ExpectedViews(Map<EntityType, View> entities, View regions, View timeline) {
        this.entities.putAll(entities);
        this.regions = regions;
        this.timeline = timeline;
    }

    static ExpectedViews of(Collection<EnrichedArticle> articles) {
        Map<EntityType, Map<String, long[]>> entities = new LinkedHashMap<>();
        for (EntityType type : EntityType.values()) {
            entities.put(type, new TreeMap<>());
        }
        Map<String, long[]> regions = new TreeMap<>();
        Map<String, long[]> timeline = new TreeMap<>();
        for (EnrichedArticle article : articles) {
            Map<EntityType, Map<String, Long>> mentionsByEntity = new LinkedHashMap<>();
            for (Entity entity : article.entities()) {
                if (entity.type() != null && entity.name() != null && !entity.name().isBlank()) {
                    mentionsByEntity.computeIfAbsent(entity.type(), t -> new LinkedHashMap<>())
                            .merge(entity.name(), (long) entity.mentions().size(), Long::sum);
                }
            }
            mentionsByEntity.forEach((type, byName) -> byName.forEach((name, mentions) -> {
                long[] total = entities.get(type).computeIfAbsent(name, k -> new long[2]);
                total[0] += 1;
                total[1] += mentions;
            }));

            Map<String, Long> regionMentions = new LinkedHashMap<>();
            for (String region : article.regions()) {
                if (region != null && !region.isBlank()) {
                    regionMentions.putIfAbsent(region, 0L);
                }
            }
            for (Entity entity : article.entities()) {
                if (entity.type() == EntityType.LOCATION && entity.region() != null && !entity.region().isBlank()) {
                    regionMentions.merge(entity.region(), (long) entity.mentions().size(), Long::sum);
                }
            }
            regionMentions.forEach((region, mentions) -> {
                long[] total = regions.computeIfAbsent(region, k -> new long[2]);
                total[0] += 1;
                total[1] += mentions;
            });

            timeline.computeIfAbsent(publicationDay(article.publishedAt()), k -> new long[2])[0] += 1;
        }
        Map<EntityType, View> entityViews = new LinkedHashMap<>();
        entities.forEach((type, rows) -> entityViews.put(type, view(rows)));
        return new ExpectedViews(entityViews, view(regions), view(timeline));
    }

    private static View view(Map<String, long[]> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        rows.forEach((key, counts) -> {
            if (counts[0] > 0) {
                out.put(key, List.of(counts[0], counts[1]));
            }
        });
        return new View(out);
    }

    /** As the store: the day written in an ISO-8601 date or date-time, else "unknown". */
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
}
