package kz.aqparat.contracts;

import java.util.List;

/**
 * The one registry of Kafka Streams state store names (and the internal topics named after them). The queryable
 * stores are read over HTTP by store-service. The views are partial aggregates: each partition of store-service's
 * input holds the counts of its own articles, and a query sums the rows of one key over all partitions.
 */
public final class Stores {

    /**
     * The latest version of each article as written to {@code articles.store} (its JSON bytes), keyed by article id.
     * A table over {@code articles.store} itself: that topic is its changelog, so it has no changelog topic of its
     * own.
     */
    public static final Store<String, byte[]> ARTICLES_BY_ID =
            new Store<>("articles-by-id", String.class, byte[].class);

    /** Per article id, the version the views count and what it adds to them (not the article itself). */
    public static final Store<String, ArticleVersion> ARTICLE_VERSIONS =
            new Store<>("article-versions", String.class, ArticleVersion.class);

    /**
     * Per partition, the counted version of each of its articles in the order of their publication day, newest
     * first, then of their receipt, newest first: the windowed and filtered views and the article search scan a
     * range of it. Keyed by {@code kz.aqparat.store.topology.IndexKey}.
     */
    public static final Store<String, IndexedArticle> ARTICLE_INDEX =
            new Store<>("article-index", String.class, IndexedArticle.class);

    /** The entities view, one partial row per partition; keyed by {@link EntityCount#key(EntityType, String)}. */
    public static final Store<String, EntityCount> ENTITIES_VIEW =
            new Store<>("view-entities", String.class, EntityCount.class);
    /** The regions view, one partial row per partition; keyed by region name. */
    public static final Store<String, RegionCount> REGIONS_VIEW =
            new Store<>("view-regions", String.class, RegionCount.class);
    /** The timeline view, one partial row per partition; keyed by day. */
    public static final Store<String, DayCount> TIMELINE_VIEW =
            new Store<>("view-timeline", String.class, DayCount.class);

    /**
     * ingest-service's id index, per partition of {@code articles.raw} (a task store of the indexer): the versions
     * of each id it has read, from which it writes {@link Topics#ARTICLE_IDS}. Its changelog is
     * {@code <application.id>-ingest-article-id-versions-changelog}.
     */
    public static final Store<String, ArticleIdVersions> ARTICLE_ID_VERSIONS =
            new Store<>("ingest-article-id-versions", String.class, ArticleIdVersions.class);
    /**
     * ingest-service's id index, whole on every instance: a global store over {@link Topics#ARTICLE_IDS} (no
     * changelog of its own), queried for every push.
     */
    public static final Store<String, ArticleIdVersions> ARTICLE_IDS =
            new Store<>("ingest-article-ids", String.class, ArticleIdVersions.class);

    public static final List<Store<?, ?>> QUERYABLE = List.of(ARTICLES_BY_ID, ARTICLE_INDEX, ENTITIES_VIEW, REGIONS_VIEW, TIMELINE_VIEW);

    private Stores() {
    }
}
