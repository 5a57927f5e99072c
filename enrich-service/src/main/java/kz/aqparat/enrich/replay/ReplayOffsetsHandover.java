package kz.aqparat.enrich.replay;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the offsets on {@code articles.replay} from the live application's group to the replay application's, once:
 * releases before 0.5 read {@code articles.replay} in the live application ({@code aqparat-enrich}). Without it the
 * new group would start at the beginning of {@code articles.replay} (Streams' reset policy) and re-enrich a week of
 * copies, and {@code ./pipeline status} would report the old group's offsets as a replay in progress for ever.
 * Runs before the replay application starts, while its group has no member, which is when Kafka lets a group's
 * offsets be set.
 */
public final class ReplayOffsetsHandover {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayOffsetsHandover.class);

    private ReplayOffsetsHandover() {
    }

    public static void run(Admin admin, String liveGroup, String replayGroup, Duration timeout) {
        try {
            Map<TopicPartition, OffsetAndMetadata> old = replayOffsets(admin, liveGroup, timeout);
            if (old.isEmpty()) {
                return;
            }
            if (replayOffsets(admin, replayGroup, timeout).isEmpty()) {
                admin.alterConsumerGroupOffsets(replayGroup, old).all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Took over the offsets of {} on {} for {} ({} partitions)", liveGroup,
                        Topics.ARTICLES_REPLAY.name(), replayGroup, old.size());
            }
            Set<TopicPartition> partitions = old.keySet();
            admin.deleteConsumerGroupOffsets(liveGroup, partitions).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // E.g. an instance of the previous release still reads articles.replay in the live group (a rolling
            // upgrade): a later start finishes the handover.
            LOG.info("Offsets of {} on {} not handed over to {} yet: {}", liveGroup, Topics.ARTICLES_REPLAY.name(),
                    replayGroup, e.toString());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> replayOffsets(Admin admin, String group, Duration timeout)
            throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .filter(e -> e.getValue() != null && e.getKey().topic().equals(Topics.ARTICLES_REPLAY.name()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
