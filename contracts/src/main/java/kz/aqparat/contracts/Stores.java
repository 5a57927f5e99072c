package kz.aqparat.contracts;

import java.util.List;

/**
 * The one registry of Kafka Streams state store names (and the internal topics named after them). The queryable
 * stores are read over HTTP by store-service; the contribution stores hold, per (article, view key), what one
 * article adds to a view, so that a view is an aggregate of a table and stays exact under replays.
 */
public final class Stores {

    /** The latest version of each article (by {@code enrichment.processedAt}); keyed by article id. */
    public static final Store<String, EnrichedArticle> ARTICLES_BY_ID =
            new Store<>("articles-by-id", String.class, EnrichedArticle.class);

    /** The entities view; keyed by {@link EntityCount#key(EntityType, String)}. */
    public static final Store<String, EntityCount> ENTITIES_VIEW =
            new Store<>("view-entities", String.class, EntityCount.class);
    /** The regions view; keyed by region name. */
    public static final Store<String, RegionCount> REGIONS_VIEW =
            new Store<>("view-regions", String.class, RegionCount.class);
    /** The timeline view; keyed by day. */
    public static final Store<String, DayCount> TIMELINE_VIEW =
            new Store<>("view-timeline", String.class, DayCount.class);

    /** Per (article id, entity key): that article's contribution to the entities view. */
    public static final Store<String, EntityCount> ENTITY_CONTRIBUTIONS =
            new Store<>("entity-contributions", String.class, EntityCount.class);
    /** Per (article id, region): that article's contribution to the regions view. */
    public static final Store<String, RegionCount> REGION_CONTRIBUTIONS =
            new Store<>("region-contributions", String.class, RegionCount.class);
    /** Per (article id, day): that article's contribution to the timeline view. */
    public static final Store<String, DayCount> DAY_CONTRIBUTIONS =
            new Store<>("day-contributions", String.class, DayCount.class);

    public static final List<Store<?, ?>> QUERYABLE = List.of(ARTICLES_BY_ID, ENTITIES_VIEW, REGIONS_VIEW, TIMELINE_VIEW);

    private Stores() {
    }
}
