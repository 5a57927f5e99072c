package kz.aqparat.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code articles.store} as a dashboard would: read_committed (only what store-service's transactions
 * committed), all partitions, from the end offsets at start, without a consumer group. Records of this run are
 * told apart by their URL prefix; each is reported to the {@link VisibilityTracker} when {@code poll} returns it.
 */
final class StoreTopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final VisibilityTracker tracker;
    private final byte[] marker;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    StoreTopicWatcher(String bootstrap, String urlPrefix, VisibilityTracker tracker) {
        Properties props = KafkaClientSettings.forClient(bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-store-watcher");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.tracker = tracker;
        this.marker = urlPrefix.getBytes(StandardCharsets.UTF_8);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_STORE.name(), Duration.ofMinutes(1))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "bench-store-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    if (record.key() != null && record.value() != null && contains(record.value(), marker)) {
                        tracker.stored(record.key(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    Throwable failure() {
        return failure;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
