package kz.aqparat.contracts;

/**
 * Header names the pipeline sets on article records (other than the dead-letter headers of {@link DlqHeaders}).
 * Values are US-ASCII strings.
 */
public final class RecordHeaders {

    /**
     * On {@code articles.raw} and {@code articles.replay}: the fingerprint of the article's text,
     * {@code ArticleIds.of(null, text)}, which names one version of an article. On a delete (a tombstone) that
     * ingest-service writes, {@code deleted}. Kept by enrich on {@code articles.enriched}, where the store uses it
     * to tell a duplicate push of the same text from a new version.
     */
    public static final String TEXT_FINGERPRINT = "aqparat.text.fingerprint";

    /**
     * On {@code articles.replay}: the offset, in {@code articles.raw}, of the record being re-processed (decimal).
     * On a tombstone of {@code articles.enriched}: the offset of the delete in {@code articles.raw}.
     * The raw offset is the article's source version (an article id always maps to the same partition, since
     * partition counts are fixed at creation), so a replayed or redriven record keeps the version it had.
     */
    public static final String SOURCE_OFFSET = "aqparat.source.offset";

    private RecordHeaders() {
    }
}
