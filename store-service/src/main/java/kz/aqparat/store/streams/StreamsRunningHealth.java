package kz.aqparat.store.streams;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * UP only while the store's Kafka Streams application is RUNNING. micronaut-kafka-streams' own indicator also
 * counts REBALANCING as up, but the views cannot be queried then (their stores may be restoring or moving).
 */
@Singleton
@Readiness
public class StreamsRunningHealth implements HealthIndicator {

    private final KafkaStreams streams;

    public StreamsRunningHealth(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaStreams.State state = streams.state();
        return Mono.just(HealthResult.builder("storeStreams",
                        state == KafkaStreams.State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("state", state.name()))
                .build());
    }
}
