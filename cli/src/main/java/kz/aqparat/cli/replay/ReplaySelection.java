package kz.aqparat.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which records of {@code articles.raw} a replay copies: received in {@code [from, to)} (the record's timestamp,
 * which ingest sets when it accepts the article, as it sets {@code receivedAt}), with an id in {@code ids}, from
 * {@code source}; a null bound or filter selects everything. Tombstones (deletes) are never replayed: a delete is
 * final, and enrich already forwarded it when it read it from {@code articles.raw}.
 *
 * @param source compared with the article's {@code source} field ignoring case and surrounding spaces
 */
public record ReplaySelection(Instant from, Instant to, Set<String> ids, String source) {

    /** Why a record is not replayed; the names are the keys of the summary's {@code skipped}. */
    public enum Skip {
        /** Received before {@code --from} or at/after {@code --to}. */
        outsideWindow,
        /** Its id is not in {@code --ids}. */
        notListed,
        /** A delete: never replayed. */
        tombstone,
        /** Its {@code source} is not {@code --source}. */
        otherSource,
        /** {@code --source} was given and the value is not an article whose source can be read. */
        unreadable
    }

    /** The reason the record is skipped, or null if it is replayed. */
    public Skip judge(ConsumerRecord<byte[], byte[]> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))) {
            return Skip.outsideWindow;
        }
        if (ids != null && (record.key() == null || !ids.contains(new String(record.key(), StandardCharsets.UTF_8)))) {
            return Skip.notListed;
        }
        if (record.value() == null) {
            return Skip.tombstone;
        }
        if (source != null) {
            String actual;
            try {
                JsonNode value = Json.mapper().readTree(record.value());
                if (value == null || !value.isObject()) {
                    return Skip.unreadable;
                }
                actual = value.path("source").asText(null);
            } catch (java.io.IOException e) {
                return Skip.unreadable;
            }
            if (actual == null || !actual.strip().equalsIgnoreCase(source.strip())) {
                return Skip.otherSource;
            }
        }
        return null;
    }

    /** The options as given, for the progress record and {@code --json}. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        if (from != null) {
            described.put("from", from.toString());
        }
        if (to != null) {
            described.put("to", to.toString());
        }
        if (ids != null) {
            described.put("ids", ids.size());
        }
        if (source != null) {
            described.put("source", source);
        }
        return described;
    }
}
