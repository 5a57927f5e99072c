package kz.aqparat.service.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of one consumer group on one topic, as Kafka's own tools count it: for each partition the group has
 * committed, the last stable offset (the read_committed end, so that an open transaction is not counted) minus the
 * committed offset. A Kafka Streams application's group is its application id.
 */
public final class ConsumerGroupLag {

    private final Admin admin;
    private final Duration timeout;

    public ConsumerGroupLag(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The records {@code group} has still to process on {@code topic}; empty when it has committed nothing there. */
    public OptionalLong lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                ends.put(partition, OffsetSpec.latest());
            }
        });
        if (ends.isEmpty()) {
            return OptionalLong.empty();
        }
        long lag = 0;
        for (var end : admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
            lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
        }
        return OptionalLong.of(lag);
    }
}
