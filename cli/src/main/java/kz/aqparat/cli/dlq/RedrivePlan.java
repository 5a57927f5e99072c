package kz.aqparat.cli.dlq;

import java.nio.charset.StandardCharsets;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where a dead letter's original record goes back into the pipeline, so that today's code processes it:
 * <ul>
 *   <li>failed on {@code articles.raw} (an enrich stage): to {@code articles.replay}, with its key, value and
 *       original headers (the text fingerprint among them) and {@link RecordHeaders#SOURCE_OFFSET} = its offset in
 *       {@code articles.raw} ({@link DlqHeaders#ORIGINAL_OFFSET}), its source version;</li>
 *   <li>failed on {@code articles.replay}: to {@code articles.replay} again, with the source offset it already
 *       carried;</li>
 *   <li>failed on {@code articles.enriched} (a store stage): to {@code articles.enriched} with its original
 *       headers.</li>
 * </ul>
 * A dead letter whose key, value or headers were cut to fit the dead-letter topic is not the original record any
 * more and is refused, as are one without a key (articles are keyed by id), a tombstone (a delete goes through
 * {@code articles.raw}), a replayed record without its source offset, and one from any other topic.
 */
public final class RedrivePlan {

    /** Either the record to send, or why there is none ({@link #refusal}). */
    public record Outcome(ProducerRecord<byte[], byte[]> record, String refusal, String detail) {
        static Outcome send(ProducerRecord<byte[], byte[]> record) {
            return new Outcome(record, null, null);
        }

        static Outcome refuse(String refusal, String detail) {
            return new Outcome(null, refusal, detail);
        }
    }

    private RedrivePlan() {
    }

    public static Outcome of(DeadLetterView dead) {
        if (dead.header(DlqHeaders.VALUE_TRUNCATED) != null) {
            return Outcome.refuse("valueTruncated", "its value was cut to fit the dead-letter topic (the original had "
                    + dead.header(DlqHeaders.VALUE_TRUNCATED) + " bytes)");
        }
        if (dead.header(DlqHeaders.KEY_TRUNCATED) != null) {
            return Outcome.refuse("keyTruncated", "its key was cut to fit the dead-letter topic");
        }
        if (dead.header(DlqHeaders.HEADERS_TRUNCATED) != null) {
            return Outcome.refuse("headersTruncated", "some of its headers were left out of the dead letter");
        }
        if (dead.key() == null) {
            return Outcome.refuse("noKey", "it has no key (article id)");
        }
        if (dead.value() == null) {
            return Outcome.refuse("tombstone", "a delete is not redriven (deletes go through articles.raw)");
        }
        String origin = dead.originalTopic();
        if (Topics.ARTICLES_RAW.name().equals(origin)) {
            Long offset = parse(dead.header(DlqHeaders.ORIGINAL_OFFSET));
            if (offset == null) {
                return Outcome.refuse("noSourceOffset", "no " + DlqHeaders.ORIGINAL_OFFSET + " header");
            }
            return Outcome.send(record(Topics.ARTICLES_REPLAY.name(), dead, offset));
        }
        if (Topics.ARTICLES_REPLAY.name().equals(origin)) {
            Long offset = parse(dead.header(RecordHeaders.SOURCE_OFFSET));
            if (offset == null) {
                return Outcome.refuse("noSourceOffset", "a replayed record without a valid "
                        + RecordHeaders.SOURCE_OFFSET + " header");
            }
            return Outcome.send(record(Topics.ARTICLES_REPLAY.name(), dead, offset));
        }
        if (Topics.ARTICLES_ENRICHED.name().equals(origin)) {
            return Outcome.send(record(Topics.ARTICLES_ENRICHED.name(), dead, null));
        }
        return Outcome.refuse("unknownOrigin", "it failed on " + (origin == null ? "an unknown topic" : origin)
                + ", not on articles.raw, articles.replay or articles.enriched");
    }

    /** The original record for {@code topic}; with {@code sourceOffset}, that header is set to it. */
    private static ProducerRecord<byte[], byte[]> record(String topic, DeadLetterView dead, Long sourceOffset) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        for (Header header : dead.originalHeaders()) {
            if (sourceOffset == null || !header.key().equals(RecordHeaders.SOURCE_OFFSET)) {
                headers.add(header.key(), header.value());
            }
        }
        if (sourceOffset != null) {
            headers.add(RecordHeaders.SOURCE_OFFSET, Long.toString(sourceOffset).getBytes(StandardCharsets.US_ASCII));
        }
        // No timestamp: the time of the redrive, so that the target's time-based retention keeps it until read.
        return new ProducerRecord<>(topic, null, null, dead.key(), dead.value(), headers);
    }

    private static Long parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            long value = Long.parseLong(s.strip());
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
