package kz.aqparat.service.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topic;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics ({@link Topics#ALL}) if they do not exist yet, and checks the topic-level configs
 * of those that do. Every service calls it at start-up, before its Kafka Streams application starts (Streams fails
 * on a missing source topic) or its id view reads {@code articles.raw}. Existing topics are left as they are: a
 * config that differs from {@link #configsFor} is logged, not changed, since the operator may have chosen it.
 */
@Singleton
public class PipelineTopics {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineTopics.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final KafkaClientProperties kafka;
    private final int partitions;
    private final short replication;

    public PipelineTopics(KafkaClientProperties kafka,
                          @Value("${aqparat.topic.partitions:3}") int partitions,
                          @Value("${aqparat.topic.replication:1}") short replication) {
        this.kafka = kafka;
        this.partitions = partitions;
        this.replication = replication;
    }

    /** Topic-level configs for each topic: {@code articles.store} keeps the latest version of each article. */
    public static Map<String, String> configsFor(Topic<?, ?> topic) {
        String maxMessageBytes = Integer.toString(RecordLimits.MAX_RECORD_BYTES);
        if (topic.equals(Topics.ARTICLES_STORE)) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
        }
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
    }

    /**
     * Creates the missing topics; throws {@link IllegalStateException} with a message naming the cause (e.g. a
     * refused authentication) when Kafka cannot be reached or refuses, within {@value #TIMEOUT_SECONDS} s.
     */
    public void ensureExist() {
        try (Admin admin = Admin.create(kafka.admin(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "aqparat-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))))) {
            ensureExist(admin);
        }
    }

    void ensureExist(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Topic<?, ?>> present = new ArrayList<>();
            for (Topic<?, ?> topic : Topics.ALL) {
                if (existing.contains(topic.name())) {
                    present.add(topic);
                } else {
                    missing.add(new NewTopic(topic.name(), partitions, replication).configs(configsFor(topic)));
                }
            }
            check(admin, present);
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info("created topics {} ({} partitions, replication {}) on {}",
                        missing.stream().map(NewTopic::name).toList(), partitions, replication, kafka.describe());
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
            throw new IllegalStateException("cannot create the pipeline's topics: " + kafka.explain(e), e);
        }
    }

    /** Logs every existing topic whose config differs from what {@link #configsFor} would have created. */
    private static void check(Admin admin, Collection<Topic<?, ?>> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Topic<?, ?>> withConfigs = topics.stream().filter(t -> !configsFor(t).isEmpty()).toList();
        if (withConfigs.isEmpty()) {
            return;
        }
        Map<ConfigResource, Config> actual = admin.describeConfigs(withConfigs.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
                        .collect(Collectors.toList()))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Topic<?, ?> topic : withConfigs) {
            Config config = actual.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            configsFor(topic).forEach((name, expected) -> {
                ConfigEntry entry = config == null ? null : config.get(name);
                String value = entry == null ? null : entry.value();
                if (!expected.equals(value)) {
                    LOG.warn("topic {} has {}={}, the pipeline expects {}; left as it is", topic, name, value,
                            expected);
                }
            });
        }
    }
}
