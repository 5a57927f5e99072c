package kz.aqparat.cli.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kz.aqparat.contracts.DlqHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record of {@code articles.dlq} as the {@code dlq} commands see it: where it is ({@link #position()}), when it
 * was written, the failed record's key, value and headers, and the reason in its {@link DlqHeaders}.
 */
public record DeadLetterView(int partition, long offset, Instant time, byte[] key, byte[] value,
                             List<Header> headers) {

    /** The dead-letter headers start with this; every other header is one the failed record had. */
    static final String DLQ_PREFIX = "dlq.";

    public static DeadLetterView of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        return new DeadLetterView(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), List.copyOf(headers));
    }

    /** {@code partition:offset}, the form {@code dlq show} takes. */
    public String position() {
        return partition + ":" + offset;
    }

    /** The key as text (an article id), or null. */
    public String id() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String stage() {
        return header(DlqHeaders.STAGE);
    }

    public String errorClass() {
        return header(DlqHeaders.ERROR_CLASS);
    }

    public String errorMessage() {
        return header(DlqHeaders.ERROR_MESSAGE);
    }

    public String originalTopic() {
        return header(DlqHeaders.ORIGINAL_TOPIC);
    }

    /** The last header of that name as UTF-8 text, or null. */
    public String header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The headers the failed record had (everything but {@code dlq.*}), in their order. */
    public List<Header> originalHeaders() {
        return headers.stream().filter(h -> !h.key().startsWith(DLQ_PREFIX)).toList();
    }

    /** A header value as text when it is printable UTF-8, else {@code 0x} and its hex digits. */
    static String printable(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            boolean control = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
            return control ? "0x" + HexFormat.of().formatHex(value) : text;
        } catch (CharacterCodingException e) {
            return "0x" + HexFormat.of().formatHex(value);
        }
    }
}
