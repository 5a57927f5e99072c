package kz.aqparat.contracts;

/** Header names on {@code articles.dlq} records: why and where a record failed. Values are UTF-8 strings. */
public final class DlqHeaders {
    /** The processing stage that failed, e.g. "enrich.deserialize" or "enrich.extract". */
    public static final String STAGE = "dlq.stage";
    /** Class name of the exception. */
    public static final String ERROR_CLASS = "dlq.error.class";
    /** The exception's message. */
    public static final String ERROR_MESSAGE = "dlq.error.message";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** The service that wrote the record. */
    public static final String SERVICE = "dlq.service";
    /**
     * Present when the original value was larger than {@link RecordLimits#MAX_DLQ_VALUE_BYTES}: its size in bytes.
     * The dead letter's value is then the first {@code MAX_DLQ_VALUE_BYTES} bytes of it.
     */
    public static final String VALUE_TRUNCATED = "dlq.value.truncated";
    /** Present when the original key was longer than {@link RecordLimits#MAX_KEY_BYTES}: its size in bytes. */
    public static final String KEY_TRUNCATED = "dlq.key.truncated";
    /**
     * Present when the original headers took more than {@link RecordLimits#MAX_HEADERS_BYTES}: their total size
     * in bytes. The headers that fitted are kept, in order; the rest are left out.
     */
    public static final String HEADERS_TRUNCATED = "dlq.headers.truncated";

    private DlqHeaders() {
    }
}
