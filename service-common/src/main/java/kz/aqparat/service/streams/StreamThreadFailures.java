package kz.aqparat.service.streams;

import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams application of a service does when a stream thread dies of an exception that no record
 * handler caught (a transaction the broker refused after a failover, {@code InvalidTxnStateException}; a timeout
 * while the cluster was unreachable): the thread is replaced, which under exactly_once_v2 aborts its open
 * transaction and resumes from the last committed one, so nothing is lost or doubled. Kafka's default,
 * {@code SHUTDOWN_CLIENT}, would leave the service running with no Streams application, unhealthy for good.
 *
 * <p>A failure that comes back at once would replace threads in a loop: after
 * {@code aqparat.streams.max-thread-replacements} replacements within {@code aqparat.streams.replacement-window}
 * the client is shut down and the process exits with {@value #EXIT_CODE}, so that its supervisor
 * ({@code ./pipeline up}, docker-compose's restart policy, Kubernetes) restarts it with backoff.
 */
@Singleton
@Requires(classes = {KafkaStreams.class, BeforeKafkaStreamStart.class})
public class StreamThreadFailures implements ApplicationEventListener<BeforeKafkaStreamStart> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);
    /** EX_SOFTWARE of sysexits.h: an internal error. */
    public static final int EXIT_CODE = 70;

    private final int maxReplacements;
    private final Duration window;
    private final Deque<Long> replacements = new ArrayDeque<>();

    public StreamThreadFailures(@Value("${aqparat.streams.max-thread-replacements:10}") int maxReplacements,
                                @Value("${aqparat.streams.replacement-window:10m}") Duration window) {
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    @Override
    public void onApplicationEvent(BeforeKafkaStreamStart event) {
        event.getKafkaStreams().setUncaughtExceptionHandler(handler());
    }

    StreamsUncaughtExceptionHandler handler() {
        return exception -> {
            if (replace(System.nanoTime())) {
                LOG.warn("a stream thread died; replacing it (it resumes from the last committed transaction)",
                        exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            LOG.error("stream threads died {} times within {}; shutting down and exiting with {} so that the"
                    + " supervisor restarts the service", maxReplacements + 1, window, EXIT_CODE, exception);
            Thread exit = new Thread(() -> System.exit(EXIT_CODE), "exit-after-stream-failures");
            exit.setDaemon(true);
            exit.start();
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        };
    }

    /** Records a failure at {@code now}; false once there were too many within the window. */
    synchronized boolean replace(long now) {
        while (!replacements.isEmpty() && now - replacements.peekFirst() > window.toNanos()) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return false;
        }
        replacements.addLast(now);
        return true;
    }
}
