package kz.aqparat.contracts;

/**
 * The one place the size limits of the pipeline's records come from, so that ingest, the topics, enrichment and
 * the dead-letter topic agree: an article that ingest accepts (202) fits every later stage, and a dead letter can
 * always be produced.
 *
 * <p>All figures are bytes of the serialized record value (UTF-8 JSON on the wire topics). Each stage derives its
 * own check from these constants; none of them may be raised alone.
 */
public final class RecordLimits {

    /**
     * Largest {@code articles.raw} value ingest writes: the serialized {@link RawArticle}, not the HTTP body (JSON
     * escaping can make the record several times larger than the text that was sent).
     */
    public static final int MAX_RAW_VALUE_BYTES = 512 * 1024;

    /**
     * Largest {@code articles.enriched} / {@code articles.store} value. Enrichment bounds what it adds (mentions,
     * statistics) so that any raw value of at most {@link #MAX_RAW_VALUE_BYTES} enriches to at most this.
     */
    public static final int MAX_ENRICHED_VALUE_BYTES = 1_000_000;

    /** Largest dead-letter value; a larger original value is cut to this and the cut is said in a header. */
    public static final int MAX_DLQ_VALUE_BYTES = 900_000;

    /** {@code max.message.bytes} of the pipeline's topics and {@code max.request.size} of its producers. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024 + 64 * 1024;

    private RecordLimits() {
    }
}
