package kz.aqparat.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the pipeline's Streams applications (their application ids are their consumer groups): for
 * every partition a group has committed, the last stable offset (read_committed end offset) minus the committed
 * offset, summed over the group's input topics (source and repartition topics).
 */
final class LagSampler implements AutoCloseable {

    private final Admin admin;
    private final List<String> groups;

    LagSampler(String bootstrap, List<String> groups) {
        Properties props = KafkaClientSettings.forClient(bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-lag");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(props);
        this.groups = List.copyOf(groups);
    }

    List<String> groups() {
        return groups;
    }

    /** Group to its total lag in records; -1 when it cannot be read (e.g. the group has committed nothing yet). */
    Map<String, Long> sample() {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : groups) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                if (latest.isEmpty()) {
                    lags.put(group, -1L);
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get(5, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lags.put(group, lag);
            } catch (Exception e) {
                lags.put(group, -1L);
            }
        }
        return lags;
    }

    @Override
    public void close() {
        admin.close();
    }
}
