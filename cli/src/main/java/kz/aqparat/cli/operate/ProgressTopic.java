package kz.aqparat.cli.operate;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kz.aqparat.contracts.Json;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * {@code articles.replay.progress}: one record per run of {@code replay} / {@code dlq redrive}, key = the run's id,
 * value = {@link RunProgress} JSON. One partition (a handful of records a second at most), compacted so that the
 * latest state of each run is kept, and deleted after {@value #RETENTION_DAYS} days so that old runs go away. The
 * CLI creates it on first use: it is the CLI's topic, not one the services read.
 */
public final class ProgressTopic {

    public static final String NAME = kz.aqparat.contracts.Topics.REPLAY_PROGRESS.name();
    static final int RETENTION_DAYS = 7;

    private ProgressTopic() {
    }

    /** Creates the topic when it is missing, with the replication of the cluster's size up to 3. */
    public static void ensureExists(Admin admin) throws InterruptedException, ExecutionException {
        if (admin.listTopics().names().get().contains(NAME)) {
            return;
        }
        int brokers = admin.describeCluster().nodes().get().size();
        short replication = (short) Math.min(3, Math.max(1, brokers));
        NewTopic topic = new NewTopic(NAME, 1, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(TimeUnit.DAYS.toMillis(RETENTION_DAYS)),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(TimeUnit.DAYS.toMillis(1)),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replication >= 3 ? "2" : "1"));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Sends one progress record (asynchronously; the producer's flush or close waits for it). */
    public static void send(Producer<byte[], byte[]> producer, RunProgress progress) {
        try {
            producer.send(new ProducerRecord<>(NAME, progress.id().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(progress)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the progress record", e);
        }
    }
}
