package kz.aqparat.enrich.health;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * UP only while every Kafka Streams application of the service is RUNNING. micronaut-kafka-streams' own indicator
 * also reports UP while REBALANCING, when the service is not processing yet.
 */
@Singleton
public class StreamsRunningHealthIndicator implements HealthIndicator {

    private final KafkaStreamsFactory streamsFactory;

    public StreamsRunningHealthIndicator(KafkaStreamsFactory streamsFactory) {
        this.streamsFactory = streamsFactory;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean allRunning = !streamsFactory.getStreams().isEmpty();
        for (Map.Entry<KafkaStreams, ConfiguredStreamBuilder> entry : streamsFactory.getStreams().entrySet()) {
            KafkaStreams.State state = entry.getKey().state();
            states.put(entry.getValue().getName(), state.name());
            allRunning &= state == KafkaStreams.State.RUNNING;
        }
        return Publishers.just(HealthResult.builder("kafkaStreamsRunning", allRunning ? HealthStatus.UP : HealthStatus.DOWN)
                .details(states)
                .build());
    }
}
