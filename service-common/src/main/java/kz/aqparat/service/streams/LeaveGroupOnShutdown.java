package kz.aqparat.service.streams;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes every Kafka Streams application of the service so that it leaves its group when the service stops
 * cleanly (SIGTERM, a rolling restart, {@code ./pipeline up} stopping an instance). Kafka Streams does not leave
 * on an ordinary close, nor does micronaut-kafka-streams' shutdown: the group then waits for the stopped member's
 * session to time out (45 s by default) before its partitions move, and meanwhile that share of the articles and
 * views is not processed nor answered by any instance. Runs before micronaut-kafka-streams' own close, which then
 * finds the applications closed.
 */
@Context
@Requires(classes = {KafkaStreams.class, KafkaStreamsFactory.class})
public class LeaveGroupOnShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(LeaveGroupOnShutdown.class);

    private final KafkaStreamsFactory streamsFactory;
    private final Duration timeout;

    public LeaveGroupOnShutdown(KafkaStreamsFactory streamsFactory,
                                @Value("${aqparat.streams.close-timeout:30s}") Duration timeout) {
        this.streamsFactory = streamsFactory;
        this.timeout = timeout;
    }

    @PreDestroy
    void close() {
        streamsFactory.getStreams().forEach((streams, builder) -> {
            LOG.info("closing Kafka Streams application {} and leaving its group", builder.getName());
            close(streams, timeout);
        });
    }

    /** Closes {@code streams} and leaves its group, waiting at most {@code timeout}. */
    public static boolean close(KafkaStreams streams, Duration timeout) {
        return streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout));
    }
}
