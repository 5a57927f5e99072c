package kz.aqparat.service.streams;

import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each Kafka Streams application of the service has restored its stores from their changelogs (or, for a
 * global store, its source topic), for {@code /health}: a cold start on a long history restores for minutes
 * (docs/ingest.md, docs/store.md), and an operator wants to see that it moves, and how much is left. Also logged
 * every {@value #LOG_EVERY_SECONDS} s: a global store (ingest's id index) restores inside {@code KafkaStreams.start()},
 * before the HTTP server listens, so during that restore the log is the only place that says how far it is.
 */
@Singleton
@Requires(classes = {KafkaStreams.class, BeforeKafkaStreamStart.class})
public class RestoreProgress implements ApplicationEventListener<BeforeKafkaStreamStart> {

    /** Records restored and still to restore over the store partitions that are restoring now. */
    public record Restoring(int storePartitions, long restored, long toRestore) {
    }

    private record Key(String store, TopicPartition partition) {
    }

    private static final class Counts {
        private final long total;
        private volatile long restored;

        private Counts(long total) {
            this.total = total;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);
    static final long LOG_EVERY_SECONDS = 10;

    private final Map<KafkaStreams, Map<Key, Counts>> applications = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(BeforeKafkaStreamStart event) {
        event.getKafkaStreams().setGlobalStateRestoreListener(listener(event.getKafkaStreams()));
    }

    StateRestoreListener listener(KafkaStreams streams) {
        Map<Key, Counts> restoring = applications.computeIfAbsent(streams, s -> new ConcurrentHashMap<>());
        long[] lastLog = {System.nanoTime()};
        return new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
                restoring.put(new Key(store, partition), new Counts(Math.max(0, endOffset - startOffset)));
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset,
                                        long numRestored) {
                Counts counts = restoring.get(new Key(store, partition));
                if (counts != null) {
                    counts.restored += numRestored;
                }
                long now = System.nanoTime();
                if (now - lastLog[0] >= LOG_EVERY_SECONDS * 1_000_000_000L) {
                    lastLog[0] = now;
                    Restoring progress = of(streams);
                    if (progress != null) {
                        LOG.info("restoring state: {} of {} records on {} store partitions", progress.restored(),
                                progress.toRestore(), progress.storePartitions());
                    }
                }
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
                restoring.remove(new Key(store, partition));
            }

            @Override
            public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
                restoring.remove(new Key(store, partition));
            }
        };
    }

    /** What {@code streams} is restoring now; null when nothing. */
    public Restoring of(KafkaStreams streams) {
        Map<Key, Counts> restoring = applications.get(streams);
        if (restoring == null) {
            return null;
        }
        long restored = 0;
        long toRestore = 0;
        int partitions = 0;
        for (Counts counts : restoring.values()) {
            restored += Math.min(counts.restored, counts.total);
            toRestore += counts.total;
            partitions++;
        }
        return partitions == 0 ? null : new Restoring(partitions, restored, toRestore);
    }
}
