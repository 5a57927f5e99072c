package kz.aqparat.service.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record for {@code articles.dlq}: the failed record's key, value and headers plus the {@link DlqHeaders} saying
 * why and where from. It can always be produced: a key, value or set of headers larger than {@link RecordLimits}
 * allows is cut, and a {@code dlq.*.truncated} header gives the original size; the error message is cut to
 * {@value #MAX_MESSAGE_CHARS} characters. A record replayed from the dead-letter topic that fails again carries only
 * its new reason: the {@code dlq.*} headers it came with are dropped.
 *
 * @param key     the original key, or its first {@link RecordLimits#MAX_KEY_BYTES} bytes; null stays null
 * @param value   the original value, or its first {@link RecordLimits#MAX_DLQ_VALUE_BYTES} bytes; null stays null
 * @param headers the original headers that fit in {@link RecordLimits#MAX_HEADERS_BYTES}, then the reason
 */
public record DeadLetter(byte[] key, byte[] value, Headers headers) {

    /** Headers are meant to be small; a parser message can quote much of the input. */
    static final int MAX_MESSAGE_CHARS = 1000;
    static final int HEADER_OVERHEAD_BYTES = 8;
    private static final String DLQ_PREFIX = "dlq.";

    /** Where the failed record was read: {@code dlq.original.*}. */
    public record Origin(String topic, int partition, long offset) {
    }

    /**
     * @param service the {@code dlq.service} header, e.g. "enrich-service"
     * @param stage   the {@code dlq.stage} header, e.g. "enrich.validate"
     * @param origin  where the record was read; null if unknown (no {@code dlq.original.*} headers then)
     */
    public static DeadLetter of(String service, String stage, Throwable error, Origin origin, byte[] key,
                                byte[] value, Iterable<Header> originalHeaders) {
        Headers headers = new RecordHeaders();
        long originalHeaderBytes = 0;
        long keptHeaderBytes = 0;
        boolean headersCut = false;
        if (originalHeaders != null) {
            for (Header header : originalHeaders) {
                if (header.key().startsWith(DLQ_PREFIX)) {
                    continue;
                }
                long size = size(header);
                originalHeaderBytes += size;
                if (!headersCut && keptHeaderBytes + size <= RecordLimits.MAX_HEADERS_BYTES) {
                    headers.add(header.key(), header.value());
                    keptHeaderBytes += size;
                } else {
                    headersCut = true;
                }
            }
        }
        put(headers, DlqHeaders.STAGE, stage);
        put(headers, DlqHeaders.ERROR_CLASS, cut(error.getClass().getName()));
        put(headers, DlqHeaders.ERROR_MESSAGE, cut(error.getMessage() == null ? "" : error.getMessage()));
        if (origin != null) {
            put(headers, DlqHeaders.ORIGINAL_TOPIC, cut(origin.topic()));
            put(headers, DlqHeaders.ORIGINAL_PARTITION, Integer.toString(origin.partition()));
            put(headers, DlqHeaders.ORIGINAL_OFFSET, Long.toString(origin.offset()));
        }
        put(headers, DlqHeaders.SERVICE, service);
        if (headersCut) {
            put(headers, DlqHeaders.HEADERS_TRUNCATED, Long.toString(originalHeaderBytes));
        }
        if (key != null && key.length > RecordLimits.MAX_KEY_BYTES) {
            put(headers, DlqHeaders.KEY_TRUNCATED, Integer.toString(key.length));
            key = Arrays.copyOf(key, RecordLimits.MAX_KEY_BYTES);
        }
        if (value != null && value.length > RecordLimits.MAX_DLQ_VALUE_BYTES) {
            put(headers, DlqHeaders.VALUE_TRUNCATED, Integer.toString(value.length));
            value = Arrays.copyOf(value, RecordLimits.MAX_DLQ_VALUE_BYTES);
        }
        return new DeadLetter(key, value, headers);
    }

    /** The record for {@code articles.dlq}, partitioned by its key as any producer would. */
    public ProducerRecord<byte[], byte[]> toProducerRecord() {
        return new ProducerRecord<>(Topics.ARTICLES_DLQ.name(), null, key, value, headers);
    }

    /**
     * The bytes a header is counted for against {@link RecordLimits#MAX_HEADERS_BYTES}: its name, its value and
     * {@value #HEADER_OVERHEAD_BYTES} for its framing (lengths in the record), so that many empty headers count too.
     */
    public static long size(Header header) {
        return HEADER_OVERHEAD_BYTES + header.key().getBytes(StandardCharsets.UTF_8).length
                + (header.value() == null ? 0 : header.value().length);
    }

    /** The bytes all the headers of a record are counted for; see {@link #size(Header)}. */
    public static long size(Iterable<Header> headers) {
        long total = 0;
        for (Header header : headers) {
            total += size(header);
        }
        return total;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String cut(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
