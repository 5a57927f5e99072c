package kz.aqparat.service.health;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.aqparat.service.streams.RestoreProgress;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * {@code kafkaStreamsRunning} in {@code /health}: UP only while every Kafka Streams application of the service is
 * RUNNING, with each application's state as details. micronaut-kafka-streams' own {@code kafkaStreams} indicator
 * also reports UP while REBALANCING, when nothing is processed yet and the stores may be restoring or moving, so
 * interactive queries cannot be trusted. While stores restore, {@code restoring} says per application how many
 * records are restored of how many ({@link RestoreProgress}). Reads the applications' state only: it never waits
 * for Kafka.
 */
@Singleton
@Readiness
@Requires(classes = {KafkaStreams.class, KafkaStreamsFactory.class})
public class StreamsRunningHealthIndicator implements HealthIndicator {

    public static final String NAME = "kafkaStreamsRunning";

    private final KafkaStreamsFactory streamsFactory;
    private final RestoreProgress restores;

    public StreamsRunningHealthIndicator(KafkaStreamsFactory streamsFactory, RestoreProgress restores) {
        this.streamsFactory = streamsFactory;
        this.restores = restores;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> states = new LinkedHashMap<>();
        Map<String, RestoreProgress.Restoring> restoring = new LinkedHashMap<>();
        boolean allRunning = !streamsFactory.getStreams().isEmpty();
        for (Map.Entry<KafkaStreams, ConfiguredStreamBuilder> entry : streamsFactory.getStreams().entrySet()) {
            KafkaStreams.State state = entry.getKey().state();
            states.put(entry.getValue().getName(), state.name());
            allRunning &= state == KafkaStreams.State.RUNNING;
            RestoreProgress.Restoring progress = restores.of(entry.getKey());
            if (progress != null) {
                restoring.put(entry.getValue().getName(), progress);
            }
        }
        if (!restoring.isEmpty()) {
            states.put("restoring", restoring);
        }
        return Publishers.just(HealthResult.builder(NAME, allRunning ? HealthStatus.UP : HealthStatus.DOWN)
                .details(states)
                .build());
    }
}
