package kz.aqparat.service.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link PipelineStatus} found, as {@code ./pipeline status --json} and store-service's {@code GET /api/status}
 * write it. Times are record timestamps (epoch ms as instants); ages are in milliseconds at {@link #at}.
 */
public record StatusReport(Instant at, Broker broker, List<TopicStatus> topics, List<GroupStatus> groups,
                           Freshness freshness, DeadLetters deadLetters, List<Replay> replays) {

    public record Broker(boolean reachable, String bootstrapServers, String clusterId, int nodes, String error) {
    }

    /**
     * One pipeline topic; {@code offsets} is the sum over its partitions of end offset minus start offset: records
     * plus transaction markers (enrich and store write in transactions), and for the compacted
     * {@code articles.store} also the records compaction has since removed.
     */
    public record TopicStatus(String name, boolean exists, int partitions, int replication,
                              Map<String, String> configs, long offsets, List<String> problems) {
    }

    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    /**
     * A consumer group (a Kafka Streams application id) with offsets on, or members assigned to, a pipeline topic;
     * {@code committed} of a partition without a committed offset is the topic's start offset.
     */
    public record GroupStatus(String group, String state, long lag, List<PartitionLag> partitions) {
    }

    /**
     * The newest record timestamp in {@code articles.raw} (when ingest wrote it) and in {@code articles.store} (when
     * store wrote it), their ages, and {@code storeBehindMs}: how much newer the newest raw record is than anything
     * the store wrote since, 0 when the store wrote after it. Null where a topic is empty.
     */
    public record Freshness(Instant newestRaw, Long rawAgeMs, Instant newestStore, Long storeAgeMs,
                            Long storeBehindMs) {
    }

    /**
     * Dead letters: {@code offsets} in the whole topic (as {@link TopicStatus#offsets}); the records of the last
     * hour and day, read from the offset of the first record of the last day ({@code offsetsForTimes}), by
     * {@code dlq.stage}. {@code truncated}: more than the read limit in the last day; the counts are of the newest.
     */
    public record DeadLetters(long offsets, long lastHour, long lastDay, Map<String, StageCount> byStage,
                              boolean truncated) {
    }

    public record StageCount(long lastHour, long lastDay) {
    }

    /** Records of {@code articles.replay} the group has yet to process. */
    public record Replay(String group, long left) {
    }
}
