package kz.aqparat.service.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The state of the pipeline's topics as a check found it: each existing topic's partitions, replication, the
 * configs that decide what it keeps, and what in them would delete records ({@link TopicSettings#problems}).
 */
public record TopicsCheck(Instant checkedAt, List<TopicState> topics, List<String> missing) {

    /** The effective configs shown for each topic. */
    public static final List<String> SHOWN_CONFIGS = List.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG,
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG);

    public record TopicState(String name, int partitions, int replication, Map<String, String> configs,
                             List<String> problems) {
    }

    public List<String> problems() {
        return topics.stream().flatMap(t -> t.problems().stream()).toList();
    }
}
