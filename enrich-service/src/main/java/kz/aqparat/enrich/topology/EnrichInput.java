package kz.aqparat.enrich.topology;

import java.nio.charset.StandardCharsets;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** A topic enrich-service reads, and where the source version of its records comes from. */
public enum EnrichInput {

    /** New articles and deletes: a record's source version is its own offset. */
    RAW(Topics.ARTICLES_RAW.name(), "enrich.") {
        @Override
        long sourceVersion(FixedKeyRecord<byte[], byte[]> record, RecordMetadata metadata) {
            return metadata.offset();
        }
    },

    /**
     * Records of {@code articles.raw} sent through again (replay, redrive): the source version is the raw offset
     * in {@link RecordHeaders#SOURCE_OFFSET}, so that a re-processed record keeps the version it had.
     */
    REPLAY(Topics.ARTICLES_REPLAY.name(), "enrich.replay.") {
        @Override
        long sourceVersion(FixedKeyRecord<byte[], byte[]> record, RecordMetadata metadata) {
            Header header = record.headers().lastHeader(RecordHeaders.SOURCE_OFFSET);
            if (header == null || header.value() == null) {
                throw new InvalidArticleException("a record on " + topic() + " needs header "
                        + RecordHeaders.SOURCE_OFFSET + " (its offset in " + Topics.ARTICLES_RAW.name()
                        + "), and this one has none");
            }
            String text = new String(header.value(), StandardCharsets.US_ASCII);
            try {
                long offset = Long.parseLong(text);
                if (offset >= 0) {
                    return offset;
                }
            } catch (NumberFormatException e) {
                // reported below, with the value
            }
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            throw new InvalidArticleException("header " + RecordHeaders.SOURCE_OFFSET + " must be an offset in "
                    + Topics.ARTICLES_RAW.name() + " (a decimal number >= 0), was '" + shown + "'");
        }
    };

    private final String topic;
    private final String prefix;

    EnrichInput(String topic, String prefix) {
        this.topic = topic;
        this.prefix = prefix;
    }

    String topic() {
        return topic;
    }

    /** The name of one of this input's nodes: {@code enrich.<node>} for raw, {@code enrich.replay.<node>}. */
    String node(String name) {
        return prefix + name;
    }

    /**
     * The source version of a record read from this topic.
     *
     * @throws InvalidArticleException when the record does not say it
     */
    abstract long sourceVersion(FixedKeyRecord<byte[], byte[]> record, RecordMetadata metadata);
}
