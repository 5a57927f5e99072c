package kz.aqparat.service.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.aqparat.contracts.Topic;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
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

    /** Partitions, replication, effective configs and problems of each pipeline topic that exists. */
    public static TopicsCheck read(Admin admin, TopicSettings settings, long timeoutSeconds)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeoutSeconds, TimeUnit.SECONDS);
        List<Topic<?, ?>> present = Topics.ALL.stream().filter(t -> existing.contains(t.name())).toList();
        List<String> missing = Topics.ALL.stream().map(Topic::name).filter(n -> !existing.contains(n)).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(present.stream().map(Topic::name).toList())
                .allTopicNames().get(timeoutSeconds, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList())
                .all().get(timeoutSeconds, TimeUnit.SECONDS);
        List<TopicState> states = new ArrayList<>();
        for (Topic<?, ?> topic : present) {
            TopicDescription description = descriptions.get(topic.name());
            Map<String, String> effective = new LinkedHashMap<>();
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            if (config != null) {
                for (ConfigEntry entry : config.entries()) {
                    if (entry.value() != null) {
                        effective.put(entry.name(), entry.value());
                    }
                }
            }
            int partitions = description.partitions().size();
            int replication = description.partitions().isEmpty() ? 0
                    : description.partitions().get(0).replicas().size();
            Map<String, String> shown = new LinkedHashMap<>();
            for (String key : SHOWN_CONFIGS) {
                if (effective.containsKey(key)) {
                    shown.put(key, effective.get(key));
                }
            }
            states.add(new TopicState(topic.name(), partitions, replication, shown,
                    settings.problems(topic, partitions, replication, effective)));
        }
        return new TopicsCheck(Instant.now(), states, missing);
    }
}
