package kz.aqparat.service.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.aqparat.contracts.Topic;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics ({@link Topics#ALL}) if they do not exist yet, as {@link TopicSettings} says, and
 * checks those that do. Every service calls it at start-up, before its Kafka Streams application starts (Streams
 * fails on a missing source topic) or its id view reads {@code articles.raw}.
 *
 * <p>An existing topic with another partition count is refused ({@link TopicLayoutException}): ids would be
 * hashed to other partitions than those holding their earlier records. An existing topic whose retention or
 * cleanup policy would delete records the pipeline needs is <em>reported</em> (a warning in the log, and
 * {@code pipelineTopics} in {@code /health} details), not changed: an operator or a topic operator may manage the
 * configs, and the services' principal needs no right to alter them.
 */
@Singleton
public class PipelineTopics {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineTopics.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final KafkaClientProperties kafka;
    private final TopicSettings settings;
    private volatile TopicsCheck lastCheck;

    @Inject
    public PipelineTopics(KafkaClientProperties kafka,
                          @Value("${aqparat.topic.partitions:" + TopicSettings.DEFAULT_PARTITIONS + "}") int partitions,
                          @Value("${aqparat.topic.replication:1}") short replication,
                          @Value("${aqparat.topic.raw.retention:" + TopicSettings.DEFAULT_RAW_RETENTION + "}")
                          String rawRetention,
                          @Value("${aqparat.topic.enriched.retention:" + TopicSettings.DEFAULT_ENRICHED_RETENTION + "}")
                          String enrichedRetention,
                          @Value("${aqparat.topic.dlq.retention:" + TopicSettings.DEFAULT_DLQ_RETENTION + "}")
                          String dlqRetention,
                          @Value("${aqparat.topic.replay.retention:" + TopicSettings.DEFAULT_REPLAY_RETENTION + "}")
                          String replayRetention) {
        this(kafka, new TopicSettings(partitions, replication, TopicRetention.parse(rawRetention),
                TopicRetention.parse(enrichedRetention), TopicRetention.parse(dlqRetention),
                TopicRetention.parse(replayRetention)));
    }

    /** With the default retentions. */
    public PipelineTopics(KafkaClientProperties kafka, int partitions, short replication) {
        this(kafka, TopicSettings.of(partitions, replication));
    }

    public PipelineTopics(KafkaClientProperties kafka, TopicSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    public TopicSettings settings() {
        return settings;
    }

    /** The outcome of the last check ({@link #ensureExist()} or {@link #check()}), or null before the first. */
    public TopicsCheck lastCheck() {
        return lastCheck;
    }

    /**
     * Creates the missing topics and checks the others; throws {@link TopicLayoutException} for a topic with
     * another partition count, and {@link IllegalStateException} with a message naming the cause (e.g. a refused
     * authentication) when Kafka cannot be reached or refuses, within {@value #TIMEOUT_SECONDS} s.
     */
    public void ensureExist() {
        try (Admin admin = admin()) {
            ensureExist(admin);
        }
    }

    /** Checks the existing topics without creating any; throws {@link IllegalStateException} if Kafka fails. */
    public TopicsCheck check() {
        try (Admin admin = admin()) {
            return run(() -> inspect(admin));
        }
    }

    private Admin admin() {
        return Admin.create(kafka.admin(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "aqparat-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))));
    }

    void ensureExist(Admin admin) {
        TopicsCheck check = run(() -> {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), settings.partitions(), settings.replication())
                            .configs(settings.configsFor(topic)));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("created topics {} ({} partitions, replication {}) on {}",
                            missing.stream().map(NewTopic::name).toList(), settings.partitions(),
                            settings.replication(), kafka.describe());
                } catch (ExecutionException e) {
                    // Another service may have created the same topic in the meantime.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return inspect(admin);
        });
        for (TopicsCheck.TopicState topic : check.topics()) {
            if (topic.partitions() != settings.partitions()) {
                throw new TopicLayoutException(settings.partitionMismatch(topic.name(), topic.partitions()));
            }
        }
        check.problems().forEach(problem -> LOG.warn("topic check: {}; left as it is (see docs/kafka.md, "
                + "\"Topics\")", problem));
        for (TopicsCheck.TopicState topic : check.topics()) {
            Topic<?, ?> known = Topics.ALL.stream().filter(t -> t.name().equals(topic.name())).findFirst().orElseThrow();
            settings.configsFor(known).forEach((name, expected) -> {
                String value = topic.configs().get(name);
                if (value != null && !expected.equals(value)) {
                    LOG.info("topic {} has {}={}, the pipeline would create it with {}; left as it is", topic.name(),
                            name, value, expected);
                }
            });
        }
    }

    /** Partitions, replication, effective configs and problems of each pipeline topic that exists. */
    private TopicsCheck inspect(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                TopicsCheck check = TopicsCheck.read(admin, settings, TIMEOUT_SECONDS);
                lastCheck = check;
                return check;
            } catch (ExecutionException e) {
                // A topic just created (here or by another service) may not have reached every broker yet.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private interface AdminCall<T> {
        T call() throws ExecutionException, InterruptedException, TimeoutException;
    }

    private <T> T run(AdminCall<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the pipeline's topics: " + kafka.explain(e), e);
        }
    }
}
