package kz.aqparat.ingest.articles;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of all articles already in {@code articles.raw}, with the versions of each, so that an article pushed
 * twice is stored once.
 *
 * <p>A version is the fingerprint of the text, {@code ArticleIds.of(null, text)}, carried in the record header
 * {@value kz.aqparat.contracts.RecordHeaders#TEXT_FINGERPRINT}. For an article without URL the id already is that fingerprint. For an article
 * with a URL the id comes from the URL, so a corrected text gets the same id: it is a new version and is written
 * (compaction downstream keeps the latest), while any version seen before is a duplicate, so a feed re-sending
 * an old item does not revert a correction. A record without the header (written by another tool) counts as
 * "every version of this id is known". A tombstone (a delete) adds no version: the versions seen before it stay
 * known, so a feed re-sending an old item does not bring a deleted article back.
 *
 * <p>Why a plain consumer and not Kafka Streams: the view needs every id on every instance (any instance may
 * receive any article), which is what a Streams global store gives, but a global store restores by copying the
 * topic's raw values into its store, i.e. whole article texts, and brings a state directory and an application id
 * per instance. A consumer without a group, {@code assign}ed to all partitions of {@code articles.raw} and read
 * from the beginning, keeps only keys and headers (values are skipped by a deserializer that returns null), needs
 * no state on disk, and survives a restart by re-reading them. Each instance also records the versions it writes
 * as soon as it claims them, so that a repeat arriving before the consumer has caught up is still a duplicate.
 *
 * <p>The view is {@link #isReady() ready} once it has read up to the end offsets seen at start; until then
 * requests are answered 503, because a "new" answer could not be trusted. Two instances that receive the same
 * new article in the same instant may both write it; both records carry the same key and the same content, and
 * everything downstream is keyed by id (compacted store, replay-safe views), so the article is still stored once.
 *
 * <p>A write that fails <em>ambiguously</em> (a timeout, {@code NOT_ENOUGH_REPLICAS_AFTER_APPEND}: the leader may
 * have appended the record, which then becomes durable once followers catch up) keeps its claim, as
 * {@link UncertainWrite}: a retry is answered 503 rather than written a second time. The question is settled by
 * Kafka's ordering: once a write to the same partition, submitted after the failure, is acknowledged at offset X,
 * the failed record is either before X or never will be (the idempotent producer's sequence numbers and epochs
 * forbid a later append), so when this view has read past X it either saw the record (the claim becomes stored)
 * or releases the claim. Without later writes to that partition the claim is released after
 * {@code aqparat.ingest.uncertain-write-expiry}; a retry then may write a second record of the same version,
 * which store-service recognises as the same version.
 *
 * <p>Memory grows with the number of articles (about 250 bytes per id); partitions added after start are picked up
 * on the next restart.
 */
@Context
public class ArticleIdView {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIdView.class);
    private static final CompletableFuture<Void> STORED = CompletableFuture.completedFuture(null);
    /** The version of a record that has no fingerprint header: it stands for every version. */
    private static final String ANY_VERSION = "*";

    /** id -> fingerprint -> the write of that version (completed once it is in Kafka). Inner maps are immutable. */
    private final Map<String, Map<String, CompletableFuture<Void>>> ids = new ConcurrentHashMap<>();
    /** Per partition of {@code articles.raw}, the writes whose outcome is not known yet, oldest first. */
    private final Map<Integer, Queue<UncertainWrite>> uncertain = new ConcurrentHashMap<>();
    private final AtomicLong uncertainCount = new AtomicLong();
    private final Duration uncertainExpiry;
    private final KafkaClientProperties kafka;
    private final KafkaConsumer<String, Boolean> consumer;
    private final KafkaClientMetrics metrics;
    private final Thread thread;
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public ArticleIdView(KafkaClientProperties kafka, PipelineTopics topics, MeterRegistry registry,
                         IngestConfiguration config) {
        this.kafka = kafka;
        this.uncertainExpiry = config.getUncertainWriteExpiry();
        topics.ensureExist();
        // Values are never copied: only whether there is one (a tombstone is a delete, not a version).
        Deserializer<Boolean> skipValue = (topic, data) -> data == null ? null : Boolean.TRUE;
        this.consumer = new KafkaConsumer<>(kafka.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-article-id-view",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), skipValue);
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
     * Claims one version of an article for a write: returns null if that version was unknown (the caller must write
     * it and complete or {@link #release} the claim), otherwise the earlier claim, completed once that is stored.
     */
    CompletableFuture<Void> claim(String id, String fingerprint, CompletableFuture<Void> write) {
        List<CompletableFuture<Void>> earlier = new java.util.ArrayList<>(1);
        ids.compute(id, (key, versions) -> {
            CompletableFuture<Void> known = versions == null ? null
                    : versions.getOrDefault(fingerprint, versions.get(ANY_VERSION));
            if (known != null) {
                earlier.add(known);
                return versions;
            }
            return with(versions, fingerprint, write);
        });
        return earlier.isEmpty() ? null : earlier.get(0);
    }

    /** Gives a claim back after its write failed, so that a retry of the same article is written. */
    void release(String id, String fingerprint, CompletableFuture<Void> write) {
        ids.computeIfPresent(id, (key, versions) -> {
            if (versions.get(fingerprint) != write) {
                return versions;
            }
            Map<String, CompletableFuture<Void>> rest = new HashMap<>(versions);
            rest.remove(fingerprint);
            return rest.isEmpty() ? null : Map.copyOf(rest);
        });
    }

    /**
     * A version's write failed but may have been appended to {@code partition}: the claim stays, answering retries
     * 503, until this view knows (see the class comment).
     */
    void uncertain(String id, String fingerprint, CompletableFuture<Void> write, int partition) {
        UncertainWrite marker = new UncertainWrite(id, fingerprint, uncertainCount.incrementAndGet(), System.nanoTime());
        boolean[] replaced = {false};
        ids.computeIfPresent(id, (key, versions) -> {
            if (versions.get(fingerprint) != write) {
                return versions;
            }
            replaced[0] = true;
            return with(versions, fingerprint, marker);
        });
        if (replaced[0]) {
            uncertain.computeIfAbsent(partition, p -> new ConcurrentLinkedQueue<>()).add(marker);
        }
    }

    /** The current mark for {@link #acknowledged}: taken when a write is submitted. */
    long uncertainMark() {
        return uncertainCount.get();
    }

    /**
     * A write submitted at {@code mark} was acknowledged at {@code offset}: the uncertain writes of the partition
     * that failed before it was submitted are settled once the view has read past {@code offset}.
     */
    void acknowledged(int partition, long offset, long mark) {
        Queue<UncertainWrite> waiting = uncertain.get(partition);
        if (waiting != null) {
            for (UncertainWrite write : waiting) {
                if (write.number <= mark) {
                    write.settleAfter(offset);
                }
            }
        }
    }

    /** How many versions' writes are uncertain (see the class comment). */
    public int uncertainWrites() {
        return uncertain.values().stream().mapToInt(Queue::size).sum();
    }

    private void stored(String id, String fingerprint) {
        ids.compute(id, (key, versions) -> {
            CompletableFuture<Void> known = versions == null ? null : versions.get(fingerprint);
            return known != null && !(known instanceof UncertainWrite) ? versions : with(versions, fingerprint, STORED);
        });
    }

    /** Releases the uncertain writes this view has read past without seeing them (or that expired). */
    private void settleUncertainWrites() {
        long now = System.nanoTime();
        uncertain.forEach((partition, waiting) -> {
            if (waiting.isEmpty()) {
                return;
            }
            TopicPartition topicPartition = new TopicPartition(Topics.ARTICLES_RAW.name(), partition);
            // A partition added after start is not read by this view (until a restart): only expiry settles it.
            long position = consumer.assignment().contains(topicPartition) ? consumer.position(topicPartition) : -1;
            for (UncertainWrite write : waiting) {
                boolean stillClaimed = ids.getOrDefault(write.id, Map.of()).get(write.fingerprint) == write;
                boolean readPast = write.settledAfter() >= 0 && position > write.settledAfter();
                boolean expired = now - write.since > uncertainExpiry.toNanos();
                if (!stillClaimed) {
                    waiting.remove(write);
                } else if (readPast || expired) {
                    if (expired && !readPast) {
                        LOG.warn("article {}: whether its failed write reached partition {} of {} is still unknown"
                                + " after {}; a retry will write it again", write.id, partition,
                                Topics.ARTICLES_RAW.name(), uncertainExpiry);
                    }
                    release(write.id, write.fingerprint, write);
                    waiting.remove(write);
                }
            }
        });
    }

    private static Map<String, CompletableFuture<Void>> with(Map<String, CompletableFuture<Void>> versions,
                                                             String fingerprint, CompletableFuture<Void> write) {
        if (versions == null) {
            return Map.of(fingerprint, write);
        }
        Map<String, CompletableFuture<Void>> more = new HashMap<>(versions);
        more.put(fingerprint, write);
        return Map.copyOf(more);
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
                    for (ConsumerRecord<String, Boolean> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.key() != null && record.value() != null) {
                            Header header = record.headers().lastHeader(RecordHeaders.TEXT_FINGERPRINT);
                            stored(record.key(), header == null || header.value() == null ? ANY_VERSION
                                    : new String(header.value(), StandardCharsets.US_ASCII));
                        }
                    }
                    settleUncertainWrites();
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
                    LOG.warn("article id view: {}; retrying", kafka.explain(e));
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            if (running) {
                failure = e;
                LOG.error("article id view stopped; this instance can no longer tell duplicates: {}", kafka.explain(e), e);
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /**
     * The claim of a version whose write failed ambiguously. As a future it has already failed, so a retry that
     * finds it is answered 503.
     */
    static final class UncertainWrite extends CompletableFuture<Void> {
        private final String id;
        private final String fingerprint;
        private final long number;
        private final long since;
        private final AtomicLong settleAfter = new AtomicLong(-1);

        UncertainWrite(String id, String fingerprint, long number, long since) {
            this.id = id;
            this.fingerprint = fingerprint;
            this.number = number;
            this.since = since;
            completeExceptionally(new KafkaUnavailable("an earlier write of this article was not confirmed by Kafka"
                    + " and may still become durable; retry later, ingest answers once Kafka shows whether it was"
                    + " written", null));
        }

        void settleAfter(long offset) {
            settleAfter.compareAndSet(-1, offset);
        }

        long settledAfter() {
            return settleAfter.get();
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        metrics.close();
    }

    /** Whether any version of article {@code id} is in {@code articles.raw} or being written to it. */
    public boolean knows(String id) {
        return ids.containsKey(id);
    }
}
