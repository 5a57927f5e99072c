package kz.aqparat.ingest.articles;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.Topics;
import kz.aqparat.ingest.ids.ArticleIdIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which versions of which articles are already in {@code articles.raw}, so that an article pushed twice is stored
 * once: the id index ({@link ArticleIdIndex}, on disk, see {@code kz.aqparat.ingest.ids.ArticleIdTopology}) plus
 * the claims of this instance's writes that the index does not show yet, in memory.
 *
 * <p>A version is the fingerprint of the text, {@code ArticleIds.of(null, text)}, carried in the record header
 * {@value kz.aqparat.contracts.RecordHeaders#TEXT_FINGERPRINT}. For an article without URL the id already is that
 * fingerprint. For an article with a URL the id comes from the URL, so a corrected text gets the same id: it is a
 * new version and is written (compaction downstream keeps the latest), while any version seen before is a
 * duplicate, so a feed re-sending an old item does not revert a correction. The index counts a record without the
 * header (written by another tool) as "every version of this id", and a tombstone (a delete) as no new version.
 *
 * <p>A claim is made, atomically per id, when a write starts: a second push of the same version on this instance
 * meanwhile finds it and waits for that write. Once the write is acknowledged at offset X of partition p, the claim
 * stays until the index has read past X in p (the index then answers for it) and is dropped: memory holds only
 * the writes of the last moments, whatever the number of articles. Two instances that receive the same new
 * article in the same instant may both write it; both records carry the same key and content, and everything
 * downstream is keyed by id (compacted store, replay-safe views), so the article is still stored once.
 *
 * <p>A write that fails <em>ambiguously</em> (a timeout, {@code NOT_ENOUGH_REPLICAS_AFTER_APPEND}: the leader may
 * have appended the record, which then becomes durable once followers catch up) keeps its claim, as
 * {@link UncertainWrite}: a retry is answered 503 rather than written a second time. The question is settled by
 * Kafka's ordering: once a write to the same partition, submitted after the failure, is acknowledged at offset X,
 * the failed record is either before X or never will be (the idempotent producer's sequence numbers and epochs
 * forbid a later append), so when the index has read past X it either holds the record (a retry is a duplicate) or
 * not (the claim is released, a retry is written). Without later writes to that partition the claim is released
 * after {@code aqparat.ingest.uncertain-write-expiry}; a retry then may write a second record of the same version,
 * which store-service recognises as the same version.
 */
@Context
public class ArticleIdView {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIdView.class);
    private static final CompletableFuture<Void> STORED = CompletableFuture.completedFuture(null);

    private final ArticleIdIndex index;
    /** id -> fingerprint -> the write of that version, until the index shows it. Inner maps are immutable. */
    private final Map<String, Map<String, CompletableFuture<Void>>> claims = new ConcurrentHashMap<>();
    /** Per partition of {@code articles.raw}, the acknowledged writes the index has not read yet, oldest first. */
    private final Map<Integer, Queue<Written>> written = new ConcurrentHashMap<>();
    /** Per partition of {@code articles.raw}, the writes whose outcome is not known yet, oldest first. */
    private final Map<Integer, Queue<UncertainWrite>> uncertain = new ConcurrentHashMap<>();
    private final AtomicLong uncertainCount = new AtomicLong();
    private final Duration uncertainExpiry;
    private final ScheduledExecutorService settler;

    public ArticleIdView(ArticleIdIndex index, IngestConfiguration config) {
        this.index = index;
        this.uncertainExpiry = config.getUncertainWriteExpiry();
        this.settler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "article-id-view-settle");
            thread.setDaemon(true);
            return thread;
        });
        settler.scheduleWithFixedDelay(this::settle, 100, 100, TimeUnit.MILLISECONDS);
    }

    public boolean isReady() {
        return index.isReady();
    }

    /** Distinct ids in the index. */
    public long size() {
        return index.size();
    }

    /** Why the index stopped, or null while it runs. */
    public Throwable failure() {
        return index.failure();
    }

    /**
     * Claims one version of an article for a write: returns null if that version was unknown (the caller must write
     * it and complete or {@link #release} the claim), otherwise the earlier claim, completed once that is stored.
     *
     * @throws KafkaUnavailable when the index cannot be read now
     */
    CompletableFuture<Void> claim(String id, String fingerprint, CompletableFuture<Void> write) {
        List<CompletableFuture<Void>> earlier = new ArrayList<>(1);
        try {
            claims.compute(id, (key, versions) -> {
                CompletableFuture<Void> known = versions == null ? null : versions.get(fingerprint);
                if (known != null) {
                    earlier.add(known);
                    return versions;
                }
                // Asked while holding the id's entry, so that a claim being dropped (the index has it now) is seen.
                ArticleIdVersions stored = index.get(id);
                if (stored != null && stored.knows(fingerprint)) {
                    earlier.add(STORED);
                    return versions;
                }
                return with(versions, fingerprint, write);
            });
        } catch (ArticleIdIndex.IndexUnavailable e) {
            throw new KafkaUnavailable(e.getMessage(), e);
        }
        return earlier.isEmpty() ? null : earlier.get(0);
    }

    /** Gives a claim back after its write failed, so that a retry of the same article is written. */
    void release(String id, String fingerprint, CompletableFuture<Void> write) {
        claims.computeIfPresent(id, (key, versions) -> {
            if (versions.get(fingerprint) != write) {
                return versions;
            }
            Map<String, CompletableFuture<Void>> rest = new HashMap<>(versions);
            rest.remove(fingerprint);
            return rest.isEmpty() ? null : Map.copyOf(rest);
        });
    }

    /** A claimed version was acknowledged at {@code offset} of {@code partition}: dropped once the index has it. */
    void written(String id, String fingerprint, CompletableFuture<Void> write, int partition, long offset) {
        written.computeIfAbsent(partition, p -> new ConcurrentLinkedQueue<>())
                .add(new Written(id, fingerprint, write, offset));
    }

    /**
     * A version's write failed but may have been appended to {@code partition}: the claim stays, answering retries
     * 503, until the index knows (see the class comment).
     */
    void uncertain(String id, String fingerprint, CompletableFuture<Void> write, int partition) {
        UncertainWrite marker = new UncertainWrite(id, fingerprint, uncertainCount.incrementAndGet(), System.nanoTime());
        boolean[] replaced = {false};
        claims.computeIfPresent(id, (key, versions) -> {
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
     * that failed before it was submitted are settled once the index has read past {@code offset}.
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

    /** Claims held in memory: writes under way or not yet in the index. */
    public int claimsInMemory() {
        return claims.size();
    }

    /** Whether any version of article {@code id} is in {@code articles.raw} or being written to it. */
    public boolean knows(String id) {
        try {
            return claims.containsKey(id) || index.get(id) != null;
        } catch (ArticleIdIndex.IndexUnavailable e) {
            throw new KafkaUnavailable(e.getMessage(), e);
        }
    }

    private void settle() {
        try {
            written.forEach((partition, queue) -> {
                long readUpTo = index.readUpTo(partition);
                for (Written write = queue.peek(); write != null && write.offset <= readUpTo; write = queue.peek()) {
                    release(write.id, write.fingerprint, write.write);
                    queue.poll();
                }
            });
            settleUncertainWrites();
        } catch (ArticleIdIndex.IndexUnavailable e) {
            // Kafka Streams is not running now; the claims stay until it is.
        } catch (RuntimeException e) {
            LOG.warn("settling the claims of the article id view failed; retrying", e);
        }
    }

    /** Releases the uncertain writes the index holds, has read past without them, or that expired. */
    private void settleUncertainWrites() {
        long now = System.nanoTime();
        uncertain.forEach((partition, waiting) -> {
            if (waiting.isEmpty()) {
                return;
            }
            long readUpTo = index.readUpTo(partition);
            for (UncertainWrite write : waiting) {
                boolean stillClaimed = claims.getOrDefault(write.id, Map.of()).get(write.fingerprint) == write;
                if (!stillClaimed) {
                    waiting.remove(write);
                    continue;
                }
                ArticleIdVersions stored = index.get(write.id);
                boolean inIndex = stored != null && stored.knows(write.fingerprint);
                boolean readPast = write.settledAfter() >= 0 && readUpTo >= write.settledAfter();
                boolean expired = now - write.since > uncertainExpiry.toNanos();
                if (inIndex || readPast || expired) {
                    if (expired && !readPast && !inIndex) {
                        LOG.warn("article {}: whether its failed write reached partition {} of {} is still unknown"
                                + " after {}; a retry will write it again", write.id, partition,
                                Topics.ARTICLES_RAW.name(), uncertainExpiry);
                    }
                    // In the index: a retry is a duplicate; not in it: a retry is written.
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

    private record Written(String id, String fingerprint, CompletableFuture<Void> write, long offset) {
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
    void close() {
        settler.shutdownNow();
    }
}
