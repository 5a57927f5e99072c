package kz.aqparat.service.health;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.aqparat.service.kafka.PipelineTopics;
import kz.aqparat.service.kafka.TopicsCheck;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pipelineTopics} in {@code /health}: each pipeline topic's partitions, replication and the configs that
 * decide what it keeps, and under {@code problems} what in them would delete records the pipeline needs (e.g.
 * {@code articles.raw} with a finite {@code retention.ms}), from the start-up check and then a check every
 * {@code aqparat.topic.check-interval} in the background. It stays UP with problems: the service works, and taking
 * it out of a load balancer would not bring a record back; the problems are for an operator to correct (they are
 * also logged once as warnings).
 */
@Context
@Requires(beans = KafkaDefaultConfiguration.class)
public class PipelineTopicsHealthIndicator implements HealthIndicator {

    public static final String NAME = "pipelineTopics";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineTopicsHealthIndicator.class);

    private final PipelineTopics topics;
    private final ScheduledExecutorService scheduler;
    private volatile String error;
    /** Problems already logged (by the start-up check, then by this indicator), so each is logged once. */
    private volatile List<String> reported;

    public PipelineTopicsHealthIndicator(PipelineTopics topics,
                                         @Value("${aqparat.topic.check-interval:60s}") Duration interval) {
        this.topics = topics;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-topics-check");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            if (reported == null) {
                TopicsCheck startUp = topics.lastCheck();
                reported = startUp == null ? List.of() : startUp.problems();
            }
            List<String> problems = topics.check().problems();
            error = null;
            if (!problems.equals(reported)) {
                problems.stream().filter(p -> !reported.contains(p)).forEach(p -> LOG.warn("topic check: {}", p));
                reported = problems;
            }
        } catch (RuntimeException e) {
            // The kafka indicator reports an unreachable cluster; this one keeps its last answer.
            error = e.getMessage();
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        TopicsCheck check = topics.lastCheck();
        Map<String, Object> details = new LinkedHashMap<>();
        if (check == null) {
            details.put("error", error != null ? error : "the topics have not been checked yet");
            return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
        }
        details.put("checkedAt", check.checkedAt().toString());
        details.put("expectedPartitions", topics.settings().partitions());
        for (TopicsCheck.TopicState topic : check.topics()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("partitions", topic.partitions());
            state.put("replication", topic.replication());
            state.putAll(topic.configs());
            details.put(topic.name(), state);
        }
        if (!check.missing().isEmpty()) {
            details.put("missing", check.missing());
        }
        details.put("problems", check.problems());
        if (error != null) {
            details.put("lastCheckError", error);
        }
        return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
