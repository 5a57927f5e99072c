package kz.aqparat.contracts;

/**
 * The one place the size limits of the pipeline's records come from, so that ingest, the topics, enrichment and
 * the dead-letter topic agree: an article that ingest accepts (202) fits every later stage, and a dead letter can
 * always be produced.
 *
 * <p>All figures are bytes of the serialized record (UTF-8 JSON values on the wire topics), before compression:
 * a producer checks {@code max.request.size} against the uncompressed record, so a record within these limits is
 * sent whatever the compression. How they fit together:
 * <ul>
 *   <li>ingest writes raw values of at most {@link #MAX_RAW_VALUE_BYTES}; enrich dead-letters a larger one;</li>
 *   <li>enrichment bounds what it adds (mentions, entities, statistics, dates) so that any raw value of at most
 *       {@link #MAX_RAW_VALUE_BYTES} enriches to at most {@link #MAX_ENRICHED_VALUE_BYTES};</li>
 *   <li>a record written to any pipeline topic has a key of at most {@link #MAX_KEY_BYTES} and headers of at most
 *       {@link #MAX_HEADERS_BYTES} (plus the {@code dlq.*} headers of a dead letter, at most
 *       {@link #MAX_DLQ_REASON_BYTES}); a record arriving with more is dead-lettered, and a dead letter's own key,
 *       value and headers are cut to these limits, saying so in its headers;</li>
 *   <li>so every record written is below {@link #MAX_RECORD_BYTES}, the topics' {@code max.message.bytes} and the
 *       producers' {@code max.request.size}, and also below Kafka's default 1 MiB, so that topics created before
 *       these limits were set take them too.</li>
 * </ul>
 * Each stage derives its own check from these constants; none of them may be raised alone.
 */
public final class RecordLimits {

    /**
     * Largest {@code articles.raw} value ingest writes: the serialized {@link RawArticle}, not the HTTP body (JSON
     * escaping can make the record several times larger than the text that was sent: a control character is
     * written as six bytes, {@code \u0001}).
     */
    public static final int MAX_RAW_VALUE_BYTES = 512 * 1024;

    /**
     * Largest {@code articles.enriched} / {@code articles.store} value. Enrichment bounds what it adds (mentions,
     * statistics) so that any raw value of at most {@link #MAX_RAW_VALUE_BYTES} enriches to at most this.
     */
    public static final int MAX_ENRICHED_VALUE_BYTES = 1_000_000;

    /** Largest dead-letter value; a larger original value is cut to this and the cut is said in a header. */
    public static final int MAX_DLQ_VALUE_BYTES = 900_000;

    /** Largest record key (an article id is 32 characters); a dead letter's longer key is cut to this. */
    public static final int MAX_KEY_BYTES = 1024;

    /**
     * Largest total of a record's header names and values; a dead letter keeps its original headers up to this
     * and says in a header that it dropped the rest.
     */
    public static final int MAX_HEADERS_BYTES = 16 * 1024;

    /**
     * Most that the {@code dlq.*} headers of a dead letter take (their error message is cut to 1,000 characters,
     * at most 4 bytes each).
     */
    public static final int MAX_DLQ_REASON_BYTES = 8 * 1024;

    /**
     * Longest entity name or region an enriched article may carry, in characters: the views key their rows by
     * them. Enrichment leaves out an entity with a longer name; store-service dead-letters an article with one.
     */
    public static final int MAX_NAME_CHARS = 1000;

    /** {@code max.message.bytes} of the pipeline's topics and {@code max.request.size} of its producers. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024 + 64 * 1024;

    private RecordLimits() {
    }
}
