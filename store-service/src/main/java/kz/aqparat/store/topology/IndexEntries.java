package kz.aqparat.store.topology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.IndexedArticle.IndexedEntity;
import kz.aqparat.contracts.IndexedArticle.IndexedStatistic;
import kz.aqparat.contracts.Statistic;
import kz.aqparat.contracts.Stores;
import kz.aqparat.store.topology.ArticleProjection.NamedEntity;

/** The entries of {@link Stores#ARTICLE_INDEX}: where a counted version goes, and what it keeps of it. */
final class IndexEntries {

    /** Statistics whose value has more integer digits, or more decimals, are left out: no count is that large. */
    private static final int MAX_INTEGER_DIGITS = 21;
    private static final int MAX_DECIMALS = 12;

    private IndexEntries() {
    }

    /** The key of a counted version (null for a delete mark, which is not in the index). */
    static String key(String id, ArticleVersion version) {
        return version == null || version.deleted() ? null : IndexKey.of(version.day(), version.receivedAt(), id);
    }

    static IndexedArticle of(String id, ArticleProjection article, ArticleVersion version) {
        Map<String, IndexedEntity> entities = new LinkedHashMap<>();
        for (NamedEntity entity : article.entities()) {
            if (entity.type() == null || entity.name() == null || entity.name().isBlank()) {
                continue;
            }
            IndexedEntity next = new IndexedEntity(entity.type(), entity.name(), entity.mentions(),
                    entity.type() == EntityType.LOCATION ? entity.region() : null,
                    shortTexts(entity.roles(), IndexedArticle.MAX_ROLES),
                    shortTexts(entity.variants(), IndexedArticle.MAX_VARIANTS));
            entities.merge(entity.type() + ":" + entity.name(), next, IndexEntries::merge);
        }
        List<String> regions = article.regions().stream().filter(r -> r != null && !r.isBlank()).distinct().toList();
        List<IndexedStatistic> statistics = new ArrayList<>();
        for (Statistic statistic : article.statistics()) {
            if (statistics.size() == IndexedArticle.MAX_STATISTICS) {
                break;
            }
            if (statistic != null && plausible(statistic.value())) {
                statistics.add(new IndexedStatistic(statistic.kind(), statistic.unit(), statistic.currency(),
                        statistic.value(), statistic.qualifier(), cut(statistic.text())));
            }
        }
        return new IndexedArticle(id, article.title(), article.titleDerived(), article.author(), article.source(),
                article.url(), article.publishedAt(), version.day(), article.receivedAt(), article.processedAt(),
                List.copyOf(entities.values()), regions, statistics);
    }

    private static IndexedEntity merge(IndexedEntity a, IndexedEntity b) {
        List<String> roles = new ArrayList<>(new LinkedHashSet<>(concat(a.roles(), b.roles())));
        List<String> variants = new ArrayList<>(new LinkedHashSet<>(concat(a.variants(), b.variants())));
        return new IndexedEntity(a.type(), a.name(), a.mentionCount() + b.mentionCount(),
                a.region() != null ? a.region() : b.region(),
                roles.subList(0, Math.min(roles.size(), IndexedArticle.MAX_ROLES)),
                variants.subList(0, Math.min(variants.size(), IndexedArticle.MAX_VARIANTS)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean plausible(BigDecimal value) {
        return value != null && value.precision() - value.scale() <= MAX_INTEGER_DIGITS
                && value.scale() <= MAX_DECIMALS;
    }

    private static List<String> shortTexts(List<String> texts, int max) {
        Set<String> kept = new LinkedHashSet<>();
        for (String text : texts) {
            if (kept.size() == max) {
                break;
            }
            if (text != null && !text.isBlank()) {
                kept.add(cut(text));
            }
        }
        return List.copyOf(kept);
    }

    private static String cut(String text) {
        return text == null || text.length() <= IndexedArticle.MAX_SHORT_TEXT ? text
                : text.substring(0, IndexedArticle.MAX_SHORT_TEXT);
    }
}
