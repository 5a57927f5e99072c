package kz.aqparat.cli.operate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * One pass over a topic that ends: every partition from its first record at or after {@code from} (Kafka's
 * {@code offsetsForTimes}, so an old window is reached without reading what comes before it), or from its
 * beginning, up to the end offset it had when the pass started (the last stable offset, since the consumer reads
 * committed records only). Records appended during the pass are not read, so a pass over a live topic finishes.
 */
public final class BoundedRead {

    /** Called for each record inside the bounds. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<byte[], byte[]> record) throws Exception;
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> start = new HashMap<>();
    private final Map<TopicPartition, Long> end = new HashMap<>();

    /**
     * @param from the first record time to read (by record timestamp), or null for the beginning
     */
    public BoundedRead(Consumer<byte[], byte[]> consumer, String topic, Instant from) {
        this.consumer = consumer;
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofMillis(KafkaOptions.API_TIMEOUT_MS));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (the services create it at start-up: "
                    + "is the pipeline running against this cluster?)");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, OffsetAndTimestamp> atTime = new HashMap<>();
        if (from != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            consumer.offsetsForTimes(query).forEach((p, o) -> atTime.put(p, o));
        }
        for (TopicPartition p : partitions) {
            long last = endOffsets.get(p);
            long first = beginning.get(p);
            if (from != null) {
                OffsetAndTimestamp found = atTime.get(p);
                // No record at or after the time: nothing to read in this partition.
                first = found == null ? last : Math.max(first, found.offset());
            }
            start.put(p, first);
            end.put(p, last);
        }
    }

    /** Offsets in the bounds, all partitions together (records, plus any transaction markers among them). */
    public long total() {
        long total = 0;
        for (TopicPartition p : start.keySet()) {
            total += end.get(p) - start.get(p);
        }
        return total;
    }

    public Map<TopicPartition, Long> startOffsets() {
        return Map.copyOf(start);
    }

    public Map<TopicPartition, Long> endOffsets() {
        return Map.copyOf(end);
    }

    /**
     * Reads every record in the bounds, in offset order per partition, until all partitions are done or
     * {@code stop} says so.
     *
     * @param onProgress called after each record and each poll with the offsets covered so far (for progress; a
     *                   record paced by {@code --rate} can take a while, so not only once per poll)
     * @return true if every partition was read to its end offset
     */
    public boolean forEach(RecordHandler handler, BooleanSupplier stop, java.util.function.LongConsumer onProgress)
            throws Exception {
        Set<TopicPartition> open = new HashSet<>();
        Map<TopicPartition, Long> next = new HashMap<>(start);
        start.forEach((p, first) -> {
            if (first < end.get(p)) {
                open.add(p);
            }
        });
        consumer.assign(open);
        open.forEach(p -> consumer.seek(p, start.get(p)));
        while (!open.isEmpty()) {
            if (stop.getAsBoolean()) {
                return false;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition p = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(p)) {
                    handler.handle(record);
                }
                next.put(p, record.offset() + 1);
                onProgress.accept(covered(next));
                if (stop.getAsBoolean()) {
                    return false;
                }
            }
            for (TopicPartition p : Set.copyOf(open)) {
                long position = consumer.position(p);
                next.put(p, position);
                if (position >= end.get(p)) {
                    open.remove(p);
                    consumer.pause(Set.of(p));
                }
            }
            onProgress.accept(covered(next));
        }
        onProgress.accept(total());
        return true;
    }

    private long covered(Map<TopicPartition, Long> next) {
        long covered = 0;
        for (TopicPartition p : start.keySet()) {
            covered += Math.max(0, Math.min(next.get(p), end.get(p)) - start.get(p));
        }
        return covered;
    }

    /** The time of the record, as Kafka keeps it (for the pipeline's topics: when the record was produced). */
    public static Instant time(ConsumerRecord<?, ?> record) {
        return Instant.ofEpochMilli(record.timestamp());
    }
}
