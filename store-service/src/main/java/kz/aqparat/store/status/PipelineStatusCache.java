package kz.aqparat.store.status;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import kz.aqparat.service.status.PipelineStatus;
import kz.aqparat.service.status.StatusReport;

/**
 * The pipeline's status ({@link PipelineStatus}) for the dashboard, read from Kafka on demand and kept for
 * {@code aqparat.status.max-age} (3 s), so that any number of open dashboards cost one read per interval. Nothing
 * runs while nobody asks.
 */
@Singleton
public class PipelineStatusCache {

    private final PipelineStatus status;
    private final Duration maxAge;
    private StatusReport last;
    private long readAt;

    public PipelineStatusCache(KafkaClientProperties kafka, PipelineTopics topics,
                               @Value("${aqparat.status.max-age:3s}") Duration maxAge,
                               @Value("${aqparat.status.timeout:5s}") Duration timeout) {
        Map<String, Object> client = new HashMap<>(kafka.admin(Map.of()));
        client.putAll(kafka.consumer(Map.of()));
        this.status = new PipelineStatus(client, topics.settings(), timeout);
        this.maxAge = maxAge;
    }

    public synchronized StatusReport current() {
        if (last == null || System.nanoTime() - readAt > maxAge.toNanos()) {
            last = status.read();
            readAt = System.nanoTime();
        }
        return last;
    }

    @PreDestroy
    synchronized void close() {
        status.close();
    }
}
