package kz.aqparat.enrich.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.aqparat.enrich.EnrichStreamsFactory;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.status.ConsumerGroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives new articles priority over a replay: every {@code interval} it reads the lag of the watched consumer groups
 * (by default enrich's own live application on {@code articles.raw} and store-service's on
 * {@code articles.enriched}) and pauses the replay application ({@link KafkaStreams#pause()}) while any of them is
 * more than {@code max-lag} records behind, resuming once all are within {@code resume-lag}.
 *
 * <p>Why: on a full-speed replay the re-enrichment takes all the CPU it can get, and its output lands in the same
 * {@code articles.enriched} partitions as new articles, so store-service works through it in offset order; new
 * articles then waited seconds (measured: p99 ack→store 3.3 s at 100 articles/s during a full-speed replay). The
 * lag of the groups behind is what a new article waits for, so the replay runs in the capacity that is left.
 * A paused Kafka Streams application keeps polling and heartbeating, so it keeps its tasks and its transactions
 * stay short; nothing is re-read when it resumes.
 */
@Context
public class ReplayYield {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayYield.class);

    private final KafkaStreamsFactory streams;
    private final List<ReplayYieldConfiguration.WatchedGroup> watched;
    private final YieldDecision decision;
    private final Admin admin;
    private final ConsumerGroupLag lag;
    private final ScheduledExecutorService timer;
    private final AtomicLong largestLag = new AtomicLong(-1);
    private final Counter pauses;
    private volatile boolean paused;

    public ReplayYield(ReplayYieldConfiguration config, KafkaStreamsFactory streams, KafkaClientProperties kafka,
                       MeterRegistry registry) {
        this.streams = streams;
        this.watched = config.watched();
        this.decision = new YieldDecision(config.getMaxLag(), config.getResumeLag());
        Duration interval = config.getInterval();
        this.admin = Admin.create(kafka.admin(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "enrich-replay-yield",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, interval.toMillis() * 8),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, interval.toMillis() * 4))));
        this.lag = new ConsumerGroupLag(admin, interval.multipliedBy(4));
        this.pauses = Counter.builder("aqparat.enrich.replay.pauses")
                .description("Times the replay application paused for new articles").register(registry);
        Gauge.builder("aqparat.enrich.replay.paused", () -> paused ? 1 : 0)
                .description("1 while the replay application is paused for new articles").register(registry);
        Gauge.builder("aqparat.enrich.replay.watched.lag", largestLag::get)
                .description("Largest lag of the groups the replay yields to (-1: not read)").register(registry);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "replay-yield");
            thread.setDaemon(true);
            return thread;
        });
        if (decision.enabled() && !watched.isEmpty()) {
            timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("The replay yields to new articles: paused while {} is more than {} records behind",
                    watched, decision.maxLag());
        } else {
            LOG.info("The replay does not yield to new articles (aqparat.enrich.replay.yield.max-lag ≤ 0)");
        }
    }

    /** Whether the replay application is paused for new articles now. */
    public boolean paused() {
        return paused;
    }

    private void check() {
        KafkaStreams replay = replayStreams();
        if (replay == null) {
            return;
        }
        long largest;
        try {
            largest = largestWatchedLag();
        } catch (Exception e) {
            // Broker unreachable: no figure to act on, so the replay stays as it is.
            LOG.debug("Could not read the lag of {}: {}", watched, e.toString());
            return;
        }
        largestLag.set(largest);
        boolean pause = decision.paused(paused, largest);
        if (pause != paused) {
            if (pause) {
                replay.pause();
                pauses.increment();
                LOG.debug("Replay paused: lag {} > {}", largest, decision.maxLag());
            } else {
                replay.resume();
                LOG.debug("Replay resumed: lag {} ≤ {}", largest, decision.resumeLag());
            }
            paused = pause;
        }
    }

    private long largestWatchedLag() throws Exception {
        long largest = 0;
        for (ReplayYieldConfiguration.WatchedGroup group : watched) {
            OptionalLong behind = lag.lag(group.group(), group.topic());
            if (behind.isPresent()) {
                largest = Math.max(largest, behind.getAsLong());
            }
        }
        return largest;
    }

    private KafkaStreams replayStreams() {
        for (Map.Entry<KafkaStreams, ConfiguredStreamBuilder> entry : streams.getStreams().entrySet()) {
            if (EnrichStreamsFactory.REPLAY.equals(entry.getValue().getName())) {
                return entry.getKey();
            }
        }
        return null;
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
