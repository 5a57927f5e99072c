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

    private DlqHeaders() {
    }
}
