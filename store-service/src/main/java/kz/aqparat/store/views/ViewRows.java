package kz.aqparat.store.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.IndexedArticle.IndexedEntity;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.contracts.Statistic;

/** The rows of the views computed from the article index, and how rows of several instances merge. */
public final class ViewRows {

    private ViewRows() {
    }

    /** A row of the trending view: articles in the recent and in the previous period, and the change. */
    public record Trend(EntityType type, String name, long recent, long previous, long change) {

        public static final Comparator<Trend> MOST_RISEN = Comparator.comparingLong(Trend::change).reversed()
                .thenComparing(Comparator.comparingLong(Trend::recent).reversed())
                .thenComparing(Trend::name);

        String key() {
            return EntityCount.key(type, name);
        }

        Trend plus(Trend other) {
            return new Trend(type, name, recent + other.recent, previous + other.previous,
                    recent + other.recent - previous - other.previous);
        }
    }

    /** One statistic as the statistics view lists it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Statement(BigDecimal value, Qualifier qualifier, String text, String articleId, String day,
                            java.time.Instant receivedAt) {

        /** The order of the index: newest publication day first (unknown last), then newest receipt. */
        public static final Comparator<Statement> LATEST_FIRST = Comparator
                .comparing((Statement s) -> DayCount.UNKNOWN.equals(s.day()))
                .thenComparing(Statement::day, Comparator.reverseOrder())
                .thenComparing(Statement::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Statement::articleId);
    }

    /** A row of the statistics view: the statistics of one unit (and kind, and currency for money). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StatisticRow(String unit, Statistic.Kind kind, String currency, long statements, long articles,
                               BigDecimal total, BigDecimal max, List<Statement> latest) {

        public static final int LATEST = 5;
        public static final Comparator<StatisticRow> MOST_STATEMENTS = Comparator
                .comparingLong(StatisticRow::statements).reversed()
                .thenComparing(Comparator.comparingLong(StatisticRow::articles).reversed())
                .thenComparing(r -> String.valueOf(r.unit()))
                .thenComparing(r -> String.valueOf(r.currency()));

        String key() {
            return kind + "|" + unit + "|" + currency;
        }

        StatisticRow plus(StatisticRow other) {
            List<Statement> merged = new ArrayList<>(latest);
            merged.addAll(other.latest);
            merged.sort(Statement.LATEST_FIRST);
            return new StatisticRow(unit, kind, currency, statements + other.statements, articles + other.articles,
                    total.add(other.total), max.max(other.max), merged.subList(0, Math.min(LATEST, merged.size())));
        }
    }

    /** An entity mentioned with another, and in how many of the same articles. */
    public record RelatedEntity(EntityType type, String name, long articleCount) {

        public static final Comparator<RelatedEntity> MOST_ARTICLES = Comparator
                .comparingLong(RelatedEntity::articleCount).reversed()
                .thenComparing(RelatedEntity::type).thenComparing(RelatedEntity::name);

        public String key() {
            return EntityCount.key(type, name);
        }

        public RelatedEntity plus(RelatedEntity other) {
            return new RelatedEntity(type, name, articleCount + other.articleCount);
        }
    }

    /** A region an entity is mentioned with, and in how many articles. */
    public record RegionArticles(String region, long articleCount) {

        public static final Comparator<RegionArticles> MOST_ARTICLES = Comparator
                .comparingLong(RegionArticles::articleCount).reversed().thenComparing(RegionArticles::region);

        public RegionArticles plus(RegionArticles other) {
            return new RegionArticles(region, articleCount + other.articleCount);
        }
    }

    /** The related entities and regions of an entity. */
    public record Related(EntityType type, String name, List<RelatedEntity> related, List<RegionArticles> regions) {
    }

    /** A role stated next to an entity, and in how many articles. */
    public record RoleCount(String role, long count) {

        public static final Comparator<RoleCount> MOST = Comparator.comparingLong(RoleCount::count).reversed()
                .thenComparing(RoleCount::role);
    }

    /**
     * One article's rows of the regions view: each region it concerns, with the mentions of its locations there.
     * The same rows as the all-time view counts ({@code Contributions.regions}).
     */
    static List<RegionCount> regions(IndexedArticle article) {
        Map<String, Long> mentions = new LinkedHashMap<>();
        for (String region : article.regions()) {
            mentions.put(region, 0L);
        }
        for (IndexedEntity entity : article.entities()) {
            if (entity.type() == EntityType.LOCATION && entity.region() != null && !entity.region().isBlank()) {
                mentions.merge(entity.region(), (long) entity.mentionCount(), Long::sum);
            }
        }
        List<RegionCount> rows = new ArrayList<>();
        mentions.forEach((region, count) -> rows.add(new RegionCount(region, 1, count)));
        return rows;
    }

    /** The buckets of the timeline. */
    public enum Bucket {
        DAY, WEEK, MONTH;

        static Bucket of(String value) {
            if (value == null || value.isBlank()) {
                return DAY;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ViewController.badRequest("bucket must be day, week or month, was " + value);
            }
        }

        /** The first day of the bucket of {@code day} (weeks start on Monday); unknown stays unknown. */
        String start(String day) {
            if (this == DAY || DayCount.UNKNOWN.equals(day)) {
                return day;
            }
            LocalDate date = LocalDate.parse(day);
            return (this == WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    : date.withDayOfMonth(1)).toString();
        }
    }

    /** {@code a} then {@code b}, as a new list. */
    public static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
