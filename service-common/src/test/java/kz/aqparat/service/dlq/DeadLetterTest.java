package kz.aqparat.service.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.RecordLimits;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final DeadLetter.Origin ORIGIN = new DeadLetter.Origin("articles.raw", 2, 41);

    @Test
    void aSmallRecordKeepsItsKeyValueAndHeadersAndGetsItsReason() {
        Headers original = new RecordHeaders().add("trace-id", bytes("t-1"));
        DeadLetter dead = DeadLetter.of("enrich-service", "enrich.validate", new IllegalStateException("why"),
                ORIGIN, bytes("k"), bytes("v"), original);

        assertArrayEquals(bytes("k"), dead.key());
        assertArrayEquals(bytes("v"), dead.value());
        assertEquals("t-1", header(dead, "trace-id"));
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertEquals(IllegalStateException.class.getName(), header(dead, DlqHeaders.ERROR_CLASS));
        assertEquals("why", header(dead, DlqHeaders.ERROR_MESSAGE));
        assertEquals("articles.raw", header(dead, DlqHeaders.ORIGINAL_TOPIC));
        assertEquals("2", header(dead, DlqHeaders.ORIGINAL_PARTITION));
        assertEquals("41", header(dead, DlqHeaders.ORIGINAL_OFFSET));
        assertEquals("enrich-service", header(dead, DlqHeaders.SERVICE));
        for (String cut : List.of(DlqHeaders.VALUE_TRUNCATED, DlqHeaders.KEY_TRUNCATED, DlqHeaders.HEADERS_TRUNCATED)) {
            assertNull(dead.headers().lastHeader(cut), cut);
        }
        assertEquals("articles.dlq", dead.toProducerRecord().topic());
    }

    @Test
    void nullKeyAndValueStayNullAndAnUnknownOriginIsLeftOut() {
        DeadLetter dead = DeadLetter.of("store-service", "store.deserialize", new RuntimeException(), null, null,
                null, null);

        assertNull(dead.key());
        assertNull(dead.value());
        assertEquals("", header(dead, DlqHeaders.ERROR_MESSAGE));
        assertNull(dead.headers().lastHeader(DlqHeaders.ORIGINAL_TOPIC));
    }

    @Test
    void theLargestPossibleRecordIsCutBelowOneMibAndSaysWhatWasCut() {
        byte[] key = filled(5 * 1024 * 1024, 'k');
        byte[] value = filled(50 * 1024 * 1024, 'v');
        Headers original = new RecordHeaders()
                .add("first", bytes("kept"))
                .add("big", new byte[RecordLimits.MAX_HEADERS_BYTES])
                .add("small", bytes("after the cut, left out too"))
                .add(DlqHeaders.STAGE, bytes("an older reason"))
                .add(DlqHeaders.VALUE_TRUNCATED, bytes("123"));
        // Four bytes per character in UTF-8, and longer than any message is kept.
        String message = "\uD83D\uDE00".repeat(10_000);

        DeadLetter dead = DeadLetter.of("enrich-service", "enrich.validate", new IllegalStateException(message),
                new DeadLetter.Origin("t".repeat(249), Integer.MAX_VALUE, Long.MAX_VALUE), key, value, original);

        assertArrayEquals(Arrays.copyOf(key, RecordLimits.MAX_KEY_BYTES), dead.key());
        assertArrayEquals(Arrays.copyOf(value, RecordLimits.MAX_DLQ_VALUE_BYTES), dead.value());
        assertEquals(Integer.toString(key.length), header(dead, DlqHeaders.KEY_TRUNCATED));
        assertEquals(Integer.toString(value.length), header(dead, DlqHeaders.VALUE_TRUNCATED));
        assertEquals("kept", header(dead, "first"));
        assertNull(dead.headers().lastHeader("big"));
        assertNull(dead.headers().lastHeader("small"));
        long originalHeaderBytes = DeadLetter.size(new RecordHeaders().add("first", bytes("kept"))
                .add("big", new byte[RecordLimits.MAX_HEADERS_BYTES])
                .add("small", bytes("after the cut, left out too")));
        assertEquals(Long.toString(originalHeaderBytes), header(dead, DlqHeaders.HEADERS_TRUNCATED));
        assertEquals(1, StreamSupport.stream(dead.headers().headers(DlqHeaders.STAGE).spliterator(), false).count());
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        String cutMessage = header(dead, DlqHeaders.ERROR_MESSAGE);
        assertEquals("\uD83D\uDE00".repeat(500) + "…", cutMessage, "1000 chars (500 emoji), then an ellipsis");

        long reasonBytes = 0;
        long keptOriginalBytes = 0;
        for (Header header : dead.headers()) {
            if (header.key().startsWith("dlq.")) {
                reasonBytes += DeadLetter.size(header);
            } else {
                keptOriginalBytes += DeadLetter.size(header);
            }
        }
        assertTrue(reasonBytes <= RecordLimits.MAX_DLQ_REASON_BYTES, reasonBytes + " bytes of dlq.* headers");
        assertTrue(keptOriginalBytes <= RecordLimits.MAX_HEADERS_BYTES);
        // A batch of one record: 61 bytes of batch header, at most 21 of record framing.
        long recordBytes = 61 + 21 + dead.key().length + dead.value().length + reasonBytes + keptOriginalBytes;
        assertTrue(recordBytes <= 1024 * 1024 && recordBytes <= RecordLimits.MAX_RECORD_BYTES, recordBytes + " bytes");
    }

    @Test
    void theLimitsLeaveRoomForTheLargestRecordOfEachTopicWithinOneMib() {
        long framing = 61 + 21;
        long enriched = framing + RecordLimits.MAX_KEY_BYTES + RecordLimits.MAX_ENRICHED_VALUE_BYTES
                + RecordLimits.MAX_HEADERS_BYTES;
        long deadLetter = framing + RecordLimits.MAX_KEY_BYTES + RecordLimits.MAX_DLQ_VALUE_BYTES
                + RecordLimits.MAX_HEADERS_BYTES + RecordLimits.MAX_DLQ_REASON_BYTES;
        assertTrue(enriched <= 1024 * 1024 && enriched <= RecordLimits.MAX_RECORD_BYTES, enriched + " bytes");
        assertTrue(deadLetter <= 1024 * 1024 && deadLetter <= RecordLimits.MAX_RECORD_BYTES, deadLetter + " bytes");
        assertTrue(RecordLimits.MAX_RAW_VALUE_BYTES <= RecordLimits.MAX_DLQ_VALUE_BYTES,
                "a raw article within the limit is dead-lettered whole");
    }

    private static String header(DeadLetter dead, String name) {
        Header header = dead.headers().lastHeader(name);
        assertTrue(header != null, "no header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
