package kz.aqparat.cli.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import kz.aqparat.cli.local.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Every committed record of one topic, read from the beginning with {@code isolation.level=read_committed} (what a
 * downstream reader sees: nothing of an aborted transaction), counted per key. {@link #catchUp(Duration)} reads on
 * up to the topic's current end; the consumer stays assigned across broker restarts.
 */
final class TopicTally implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BiConsumer<String, byte[]> onRecord;
    private final Map<String, Integer> counts = new HashMap<>();
    private long records;
    private List<TopicPartition> partitions = List.of();

    /** @param onRecord sees each record's key and value in topic order per partition */
    TopicTally(String bootstrapServers, String topic, BiConsumer<String, byte[]> onRecord) {
        this.topic = topic;
        this.consumer = KafkaClients.committedReader(bootstrapServers, "chaos-" + topic);
        this.onRecord = onRecord;
    }

    /** Reads until every partition's position reaches its end (the last stable offset) or the time is up. */
    synchronized boolean catchUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            assignIfNeeded(timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (System.nanoTime() < deadline) {
                boolean caughtUp = true;
                for (TopicPartition p : partitions) {
                    if (consumer.position(p, timeout) < end.get(p)) {
                        caughtUp = false;
                        break;
                    }
                }
                if (caughtUp) {
                    return true;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (record.key() != null) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                    onRecord.accept(record.key(), record.value());
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
        return false;
    }

    private void assignIfNeeded(Duration timeout) {
        if (!partitions.isEmpty()) {
            return;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new org.apache.kafka.common.errors.TimeoutException("topic " + topic + " not found yet");
        }
        partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Committed records per key so far. */
    synchronized int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    synchronized Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    synchronized long records() {
        return records;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
