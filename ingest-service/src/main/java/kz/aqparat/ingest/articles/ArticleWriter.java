package kz.aqparat.ingest.articles;

import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.KafkaClientProperties;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes accepted articles to {@code articles.raw} (key = article id, header = text fingerprint) once per version
 * (see {@link ArticleIdView}), and says whether an article was new or a duplicate only after Kafka acknowledged
 * the write (acks=all, idempotent producer). A request that times out is answered 503 while the producer goes on
 * delivering its write; a retry of the same article meanwhile waits for that write rather than making another.
 */
@Singleton
public class ArticleWriter {

    /** What happened to one article. */
    public enum Status { ACCEPTED, DUPLICATE }

    public record Outcome(String id, Status status) {
    }

    /** An article whose write is under way; {@link #await} gives its outcome. */
    public record Pending(String id, CompletableFuture<Status> status) {
    }

    private final Producer<String, RawArticle> producer;
    private final ArticleIdView ids;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final Duration timeout;

    public ArticleWriter(KafkaClientProperties kafka, ArticleIdView ids,
                         IngestMetrics metrics, IngestConfiguration config, MeterRegistry registry) {
        this.producer = RawArticleProducer.create(kafka, config, registry);
        this.ids = ids;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
        this.timeout = config.getSendTimeout();
    }

    /** Starts the write of one article (id and receivedAt are set here) without waiting for Kafka. */
    public Pending submit(RawArticle article) {
        String id = ArticleIds.of(article.url(), article.text());
        if (!ids.isReady()) {
            return new Pending(id, CompletableFuture.failedFuture(
                    new KafkaUnavailable("the article id view is still loading from Kafka", null)));
        }
        String fingerprint = ArticleIds.of(null, article.text());
        CompletableFuture<Void> write = new CompletableFuture<>();
        CompletableFuture<Void> earlier;
        try {
            earlier = ids.claim(id, fingerprint, write);
        } catch (KafkaUnavailable e) {
            return new Pending(id, CompletableFuture.failedFuture(e));
        }
        if (earlier != null) {
            return new Pending(id, earlier.thenApply(v -> Status.DUPLICATE));
        }
        RawArticle stored = article.withId(id).withReceivedAt(clock.instant());
        ProducerRecord<String, RawArticle> record = new ProducerRecord<>(Topics.ARTICLES_RAW.name(), id, stored);
        record.headers().add(RecordHeaders.TEXT_FINGERPRINT, fingerprint.getBytes(StandardCharsets.US_ASCII));
        long mark = ids.uncertainMark();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    ids.acknowledged(metadata.partition(), metadata.offset(), mark);
                    ids.written(id, fingerprint, write, metadata.partition(), metadata.offset());
                    write.complete(null);
                } else if (SendFailures.mayHaveBeenWritten(error) && metadata != null && metadata.partition() >= 0) {
                    ids.uncertain(id, fingerprint, write, metadata.partition());
                    write.completeExceptionally(error);
                } else {
                    ids.release(id, fingerprint, write);
                    write.completeExceptionally(error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Thrown by send() itself: nothing was sent. IllegalStateException: the producer is closed while the
            // service shuts down; a 503, not a 500.
            ids.release(id, fingerprint, write);
            write.completeExceptionally(e);
        }
        return new Pending(id, write.thenApply(v -> Status.ACCEPTED));
    }

    /** Waits (bounded) for an article's write; throws {@link KafkaUnavailable} when Kafka did not acknowledge it. */
    public Outcome await(Pending pending, long deadlineNanos) {
        try {
            Status status = pending.status().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            metrics.count(status);
            return new Outcome(pending.id(), status);
        } catch (TimeoutException e) {
            metrics.unavailable();
            throw new KafkaUnavailable("Kafka did not acknowledge the write within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            metrics.unavailable();
            Throwable cause = e.getCause();
            if (cause instanceof KafkaUnavailable unavailable) {
                throw unavailable;
            }
            throw new KafkaUnavailable("Kafka did not accept the write: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while waiting for Kafka", e);
        }
    }

    public Outcome write(RawArticle article) {
        return await(submit(article), deadline());
    }

    public long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    @PreDestroy
    void close() {
        producer.close(timeout);
    }
}
