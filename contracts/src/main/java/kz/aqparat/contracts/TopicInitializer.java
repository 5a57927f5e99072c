package kz.aqparat.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the pipeline's topics if they do not exist yet. Every service calls it before its Kafka Streams
 * application starts, because Streams fails on a missing source topic. Existing topics are left as they are.
 */
public final class TopicInitializer {

    private TopicInitializer() {
    }

    /**
     * Topic-level configs for each topic: every topic takes records up to {@link RecordLimits#MAX_RECORD_BYTES};
     * {@code articles.store} keeps the latest version of each article.
     */
    public static Map<String, String> configsFor(Topic<?, ?> topic) {
        String maxMessageBytes = Integer.toString(RecordLimits.MAX_RECORD_BYTES);
        if (topic.equals(Topics.ARTICLES_STORE)) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
        }
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
    }

    public static void ensureTopics(String bootstrapServers, int partitions, short replicationFactor) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(props)) {
            ensureTopics(admin, partitions, replicationFactor);
        }
    }

    public static void ensureTopics(Admin admin, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), partitions, replicationFactor).configs(configsFor(topic)));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another service may have created the same topic in the meantime.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the pipeline's topics: " + e.getMessage(), e);
        }
    }
}
