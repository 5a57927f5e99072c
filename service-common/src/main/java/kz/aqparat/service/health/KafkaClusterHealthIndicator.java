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
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.aqparat.service.kafka.KafkaClientProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kafka} in {@code /health}: UP while the cluster answered the last probe. A background thread asks the
 * cluster to describe itself every {@code aqparat.kafka.health-interval} (with that as its timeout), and
 * {@code /health} reads the last answer, so it answers at once whatever Kafka's state. It replaces
 * micronaut-kafka's own {@code kafka} indicator ({@code kafka.health.enabled: false}), which asks the cluster on
 * every request and waits up to 10 s for an answer while the broker is down.
 *
 * <p>After the broker stops, {@code kafka} turns DOWN within two intervals (the failing probe's timeout plus the
 * wait before it). A refused authentication shows in the details as the reason, not as a timeout.
 */
@Context
// Only where Kafka is configured (every service; not a test context of this module alone).
@Requires(beans = KafkaDefaultConfiguration.class)
public class KafkaClusterHealthIndicator implements HealthIndicator {

    public static final String NAME = "kafka";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaClusterHealthIndicator.class);

    /** The outcome of the last probe; {@code error} is null when the cluster answered, else {@code at} is since when. */
    private record Probe(Instant at, String clusterId, int nodes, String error) {
    }

    private final KafkaClientProperties kafka;
    private final Duration interval;
    private final Admin admin;
    private final ScheduledExecutorService scheduler;
    private volatile Probe last;

    public KafkaClusterHealthIndicator(KafkaClientProperties kafka,
                                       @Value("${aqparat.kafka.health-interval:5s}") Duration interval) {
        this.kafka = kafka;
        this.interval = interval;
        int timeoutMs = (int) interval.toMillis();
        this.admin = Admin.create(kafka.admin(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "aqparat-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs)));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        Probe previous = last;
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) interval.toMillis()));
            Collection<Node> nodes = cluster.nodes().get();
            last = new Probe(Instant.now(), cluster.clusterId().get(), nodes.size(), null);
            if (previous != null && previous.error() != null) {
                LOG.info("Kafka at {} answers again ({} brokers)", kafka.describe(), nodes.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String error = kafka.explain(e);
            boolean wasDown = previous != null && previous.error() != null;
            last = new Probe(wasDown ? previous.at() : Instant.now(), null, 0, error);
            if (previous == null || !error.equals(previous.error())) {
                LOG.warn("Kafka health: {}", error);
            }
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Probe probe = last;
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        if (probe == null) {
            status = HealthStatus.DOWN;
            details.put("error", "no answer from Kafka at " + kafka.describe() + " yet");
        } else if (probe.error() != null) {
            status = HealthStatus.DOWN;
            details.put("error", probe.error());
            details.put("since", probe.at().toString());
        } else {
            status = HealthStatus.UP;
            details.put("clusterId", probe.clusterId());
            details.put("nodes", probe.nodes());
            details.put("checkedAt", probe.at().toString());
        }
        return Publishers.just(HealthResult.builder(NAME, status).details(details).build());
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
