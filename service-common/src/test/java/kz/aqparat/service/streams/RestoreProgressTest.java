package kz.aqparat.service.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.Test;

/** What {@code /health} reports of a restore, from the callbacks Kafka Streams makes while it restores. */
class RestoreProgressTest {

    @Test
    void sumsTheStorePartitionsStillRestoringAndForgetsTheFinishedOnes() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "restore-progress-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            RestoreProgress progress = new RestoreProgress();
            assertNull(progress.of(streams));
            StateRestoreListener listener = progress.listener(streams);
            TopicPartition p0 = new TopicPartition("app-versions-changelog", 0);
            TopicPartition p1 = new TopicPartition("app-versions-changelog", 1);
            listener.onRestoreStart(p0, "versions", 100, 1_100);
            listener.onRestoreStart(p1, "versions", 0, 500);
            listener.onBatchRestored(p0, "versions", 400, 300);
            listener.onBatchRestored(p1, "versions", 200, 200);
            assertEquals(new RestoreProgress.Restoring(2, 500, 1_500), progress.of(streams));

            listener.onRestoreEnd(p1, "versions", 500);
            assertEquals(new RestoreProgress.Restoring(1, 300, 1_000), progress.of(streams));
            listener.onRestoreSuspended(p0, "versions", 300);
            assertNull(progress.of(streams), "a partition that moved to another instance is not restoring here");
        }
    }
}
