package kz.aqparat.contracts;

import java.util.List;

/**
 * The one registry of topic names. Every topic is keyed by article id (a String).
 *
 * <pre>
 * articles.raw      -&gt; enrich-service -&gt; articles.enriched -&gt; store-service -&gt; articles.store (compacted)
 * articles.replay   -/        \-&gt; articles.dlq (records that cannot be processed; reason in headers)
 * articles.raw      -&gt; ingest-service (its id index) -&gt; articles.ids (compacted)
 * </pre>
 */
public final class Topics {

    public static final Topic<String, RawArticle> ARTICLES_RAW =
            new Topic<>("articles.raw", String.class, RawArticle.class);
    public static final Topic<String, EnrichedArticle> ARTICLES_ENRICHED =
            new Topic<>("articles.enriched", String.class, EnrichedArticle.class);
    /**
     * Records of {@code articles.raw} sent through enrichment again (by {@code ./pipeline replay} or a dead-letter
     * redrive), each with {@link RecordHeaders#SOURCE_OFFSET} naming the raw record it copies.
     */
    public static final Topic<String, RawArticle> ARTICLES_REPLAY =
            new Topic<>("articles.replay", String.class, RawArticle.class);
    /** Compacted: the latest version of each article. */
    public static final Topic<String, EnrichedArticle> ARTICLES_STORE =
            new Topic<>("articles.store", String.class, EnrichedArticle.class);
    /**
     * Compacted: ingest-service's index of the article ids and text fingerprints in {@code articles.raw}, one small
     * record per raw record (same key, same partition number), so that the index is restored from it instead of
     * from the articles. Written and read by ingest-service only (docs/ingest.md, "Ids and duplicates").
     */
    public static final Topic<String, ArticleIdVersions> ARTICLE_IDS =
            new Topic<>("articles.ids", String.class, ArticleIdVersions.class);
    /** The original bytes of a record that could not be processed; see {@link DlqHeaders}. */
    public static final Topic<byte[], byte[]> ARTICLES_DLQ =
            new Topic<>("articles.dlq", byte[].class, byte[].class);

    /**
     * One record per run of {@code ./pipeline replay} or {@code dlq redrive} (key = run id, JSON value; see
     * docs/cli.md, "Watching a replay"). Created by the CLI on first use, compacted, one partition; not in
     * {@link #ALL}, since no service reads or writes it.
     */
    public static final Topic<byte[], byte[]> REPLAY_PROGRESS =
            new Topic<>("articles.replay.progress", byte[].class, byte[].class);

    public static final List<Topic<?, ?>> ALL = List.of(ARTICLES_RAW, ARTICLES_REPLAY, ARTICLES_ENRICHED, ARTICLES_STORE,
            ARTICLES_DLQ, ARTICLE_IDS);

    private Topics() {
    }
}
