package kz.aqparat.service.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topic;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the pipeline's topics must look like: partitions, replication and the topic-level configs of each topic in
 * {@link Topics#ALL}, and which differences of an existing topic would lose records. Plain Java (no Micronaut), so
 * that the CLI's {@code ./pipeline status} judges a topic exactly as the services do.
 *
 * <ul>
 *     <li>{@code articles.raw}: the system of record, kept forever by default (time and size);</li>
 *     <li>{@code articles.enriched}: forever by default, since a store under a new application id rebuilds its
 *     views from its start;</li>
 *     <li>{@code articles.dlq}: 30 days by default, never less;</li>
 *     <li>{@code articles.replay}: a work queue of copies of raw records, 7 days by default, counted from when a
 *     record was appended ({@code message.timestamp.type=LogAppendTime}), whatever timestamp the copy carries;</li>
 *     <li>{@code articles.store}: compacted, never deleted by time or size;</li>
 *     <li>{@code min.insync.replicas=2} on every topic where replication is at least 3.</li>
 * </ul>
 */
public record TopicSettings(int partitions, short replication, TopicRetention raw, TopicRetention enriched,
                            TopicRetention dlq, TopicRetention replay) {

    /** Divisible by 1, 2, 3, 4, 6 and 12 instances; see docs/kafka.md for the cost per partition. */
    public static final int DEFAULT_PARTITIONS = 12;
    public static final String DEFAULT_RAW_RETENTION = "forever";
    public static final String DEFAULT_ENRICHED_RETENTION = "forever";
    public static final String DEFAULT_DLQ_RETENTION = "30d";
    public static final String DEFAULT_REPLAY_RETENTION = "7d";
    /** Dead letters wait for an operator: a month of holidays must not expire them. */
    public static final TopicRetention MIN_DLQ_RETENTION = TopicRetention.of(Duration.ofDays(30));

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("aqparat.topic.partitions must be at least 1, was " + partitions);
        }
        if (replication < 1) {
            throw new IllegalArgumentException("aqparat.topic.replication must be at least 1, was " + replication);
        }
        if (!dlq.atLeast(MIN_DLQ_RETENTION)) {
            throw new IllegalArgumentException("aqparat.topic.dlq.retention (AQPARAT_TOPIC_DLQ_RETENTION) must be at "
                    + "least " + MIN_DLQ_RETENTION + " or forever, was " + dlq);
        }
    }

    /** The default retentions. */
    public static TopicSettings of(int partitions, short replication) {
        return new TopicSettings(partitions, replication, TopicRetention.parse(DEFAULT_RAW_RETENTION),
                TopicRetention.parse(DEFAULT_ENRICHED_RETENTION), TopicRetention.parse(DEFAULT_DLQ_RETENTION),
                TopicRetention.parse(DEFAULT_REPLAY_RETENTION));
    }

    /** The retention of a delete-policy topic; {@code articles.store} (compacted) has none. */
    public TopicRetention retentionOf(Topic<?, ?> topic) {
        if (topic.equals(Topics.ARTICLES_RAW)) {
            return raw;
        }
        if (topic.equals(Topics.ARTICLES_ENRICHED)) {
            return enriched;
        }
        if (topic.equals(Topics.ARTICLES_DLQ)) {
            return dlq;
        }
        if (topic.equals(Topics.ARTICLES_REPLAY)) {
            return replay;
        }
        return null;
    }

    /** {@code min.insync.replicas} the topics get: 2 from replication 3 on, else the broker's default. */
    public Integer minInsyncReplicas() {
        return replication >= 3 ? 2 : null;
    }

    /** The topic-level configs a topic is created with. */
    public Map<String, String> configsFor(Topic<?, ?> topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES));
        TopicRetention retention = retentionOf(topic);
        if (retention == null) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.millis()));
            configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        }
        if (topic.equals(Topics.ARTICLES_REPLAY)) {
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        if (minInsyncReplicas() != null) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsyncReplicas().toString());
        }
        return configs;
    }

    /** The start-up refusal for a topic whose partition count is not {@link #partitions}. */
    public String partitionMismatch(String topic, int actual) {
        return topic + " has " + actual + " partitions, this pipeline expects " + partitions
                + " (aqparat.topic.partitions). Partitions cannot be changed without moving article ids to other "
                + "partitions, after which the views and ingest's id view would count them twice. Set "
                + "AQPARAT_TOPIC_PARTITIONS=" + actual + " (on every service) to run on this cluster as it is, or "
                + "migrate to a new cluster or new topics (docs/kafka.md, \"Partitions\")";
    }

    /**
     * What in an existing topic would delete records the pipeline needs, or weaken durability, given its
     * effective configs (topic overrides and broker defaults, as {@code describeConfigs} returns them): empty when
     * nothing. A longer retention than configured is not a problem.
     */
    public List<String> problems(Topic<?, ?> topic, int actualPartitions, int actualReplication,
                                 Map<String, String> actual) {
        List<String> problems = new ArrayList<>();
        String name = topic.name();
        if (actualPartitions != partitions) {
            problems.add(name + " has " + actualPartitions + " partitions, this pipeline expects " + partitions);
        }
        List<String> policy = Arrays.stream(actual.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .split(",")).map(String::trim).toList();
        TopicRetention expected = retentionOf(topic);
        if (expected == null) {
            if (!policy.equals(List.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
                problems.add(name + " has cleanup.policy=" + String.join(",", policy) + ": only compact keeps "
                        + "the latest version of every article (a delete policy expires articles by time or size)");
            }
        } else {
            if (policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                problems.add(name + " has cleanup.policy=" + String.join(",", policy) + ": compaction deletes "
                        + "every older record of an article id; the pipeline expects delete");
            }
            if (policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                TopicRetention retention = retentionIn(actual);
                if (retention != null && !retention.atLeast(expected)) {
                    problems.add(name + " has retention.ms=" + retention.millis() + " (" + retention + "): records "
                            + "older than that are deleted; the pipeline expects " + expected + " (retention.ms="
                            + expected.millis() + ")");
                }
                String bytes = actual.get(TopicConfig.RETENTION_BYTES_CONFIG);
                if (bytes != null && !bytes.equals("-1")) {
                    problems.add(name + " has retention.bytes=" + bytes + ": the oldest records are deleted "
                            + "above that size per partition; the pipeline expects -1");
                }
            }
        }
        if (topic.equals(Topics.ARTICLES_REPLAY)
                && !"LogAppendTime".equals(actual.getOrDefault(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                "LogAppendTime"))) {
            problems.add(name + " has message.timestamp.type=" + actual.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)
                    + ": a copy that keeps its original, older timestamp expires as soon as its segment is closed, "
                    + "possibly before enrich read it; the pipeline expects LogAppendTime");
        }
        if (actualReplication >= 3) {
            String minIsr = actual.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            if (minIsr != null && Integer.parseInt(minIsr) < 2) {
                problems.add(name + " has replication " + actualReplication + " but min.insync.replicas=" + minIsr
                        + ": a write acknowledged by one broker is lost with it; the pipeline expects 2");
            }
        }
        return problems;
    }

    private static TopicRetention retentionIn(Map<String, String> actual) {
        String ms = actual.get(TopicConfig.RETENTION_MS_CONFIG);
        if (ms == null) {
            return null;
        }
        long value = Long.parseLong(ms);
        return value < 0 ? TopicRetention.FOREVER : new TopicRetention(Math.max(1, value));
    }
}
