package kz.aqparat.ingest.articles;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import kz.aqparat.contracts.TopicInitializer;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of all articles already in {@code articles.raw}, so that an article pushed twice is stored once.
 *
 * <p>Why a plain consumer and not Kafka Streams: the view needs every id on every instance (any instance may
 * receive any article), which is what a Streams global store gives, but a global store restores by copying the
 * topic's raw values into its store, i.e. whole article texts, and brings a state directory and an application id
 * per instance. A consumer without a group, {@code assign}ed to all partitions of {@code articles.raw} and read
 * from the beginning, keeps only the keys (values are skipped by a deserializer that returns null), needs no state
 * on disk, and survives a restart by re-reading the keys. Each instance also records the ids it wrote itself as
 * soon as they are claimed, so that a repeat arriving before the consumer has caught up is still a duplicate.
 *
 * <p>The view is {@link #isReady() ready} once it has read up to the end offsets seen at start; until then
 * requests are answered 503, because a "new" answer could not be trusted. Two instances that receive the same
 * new article in the same instant may both write it; both records carry the same key and the same content, and
 * everything downstream is keyed by id (compacted store, replay-safe views), so the article is still stored once.
 * Memory grows with the number of articles (about 150 bytes per id); partitions added after start are picked up
 * on the next restart.
 */
@Context
public class ArticleIdView {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIdView.class);
    private static final CompletableFuture<Void> STORED = CompletableFuture.completedFuture(null);

    private final Map<String, CompletableFuture<Void>> ids = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, Void> consumer;
    private final KafkaClientMetrics metrics;
    private final Thread thread;
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public ArticleIdView(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                         @Value("${aqparat.topic.partitions:3}") int partitions,
                         @Value("${aqparat.topic.replication:1}") short replication,
                         MeterRegistry registry) {
        TopicInitializer.ensureTopics(bootstrapServers, partitions, replication);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-article-id-view");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Deserializer<Void> skipValue = (topic, data) -> null;
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), skipValue);
        this.metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        this.thread = new Thread(this::run, "article-id-view");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isReady() {
        return ready && failure == null;
    }

    public int size() {
        return ids.size();
    }

    /** Why the view stopped, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Claims an id for a write: returns null if the id was unknown (the caller must write it and complete or
     * {@link #release} the claim), otherwise the existing claim, completed once that article is stored.
     */
    CompletableFuture<Void> claim(String id, CompletableFuture<Void> write) {
        return ids.putIfAbsent(id, write);
    }

    /** Gives a claim back after its write failed, so that a retry of the same article is written. */
    void release(String id, CompletableFuture<Void> write) {
        ids.remove(id, write);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_RAW.name(), Duration.ofMinutes(5))
                    .stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> target = new HashMap<>(consumer.endOffsets(partitions, Duration.ofMinutes(5)));
            while (running) {
                try {
                    for (ConsumerRecord<String, Void> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.key() != null) {
                            ids.putIfAbsent(record.key(), STORED);
                        }
                    }
                    if (!ready) {
                        target.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                        if (target.isEmpty()) {
                            ready = true;
                            LOG.info("article id view ready with {} ids", ids.size());
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    LOG.warn("article id view: {}; retrying", e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            if (running) {
                failure = e;
                LOG.error("article id view stopped; this instance can no longer tell duplicates", e);
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        metrics.close();
    }
}
