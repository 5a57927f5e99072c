package kz.aqparat.ingest.articles;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code aqparat.ingest.*}: request limits and how long an answer may wait for Kafka. */
@ConfigurationProperties("aqparat.ingest")
public class IngestConfiguration {

    /** Largest single article body (and largest NDJSON line), in bytes. */
    private int maxArticleBytes = 1024 * 1024;
    /** Largest NDJSON batch body; also Micronaut's {@code micronaut.server.max-request-size}. */
    private int maxBatchBytes = 32 * 1024 * 1024;
    /** Most non-blank lines in one NDJSON batch; the answer has one result per line. */
    private int maxBatchLines = 10_000;
    /** How long a request waits for Kafka to acknowledge its write(s) before answering 503. */
    private Duration sendTimeout = Duration.ofSeconds(15);
    /**
     * How long the producer keeps trying to deliver a write after its request was answered 503 (Kafka's
     * {@code delivery.timeout.ms}). While it tries, a retry of the same article waits for that write instead of
     * writing the article again, so a broker failover shorter than this doubles nothing.
     */
    private Duration deliveryTimeout = Duration.ofMinutes(2);
    /**
     * How long a version whose write failed ambiguously (it may have been appended) stays claimed when no later
     * write to its partition settles the question; after that a retry writes it again.
     */
    private Duration uncertainWriteExpiry = Duration.ofMinutes(5);
    /** Seconds a client should wait before retrying after a 503. */
    private int retryAfterSeconds = 5;

    public int getMaxArticleBytes() {
        return maxArticleBytes;
    }

    public void setMaxArticleBytes(int maxArticleBytes) {
        this.maxArticleBytes = maxArticleBytes;
    }

    public int getMaxBatchBytes() {
        return maxBatchBytes;
    }

    public void setMaxBatchBytes(int maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
    }

    public int getMaxBatchLines() {
        return maxBatchLines;
    }

    public void setMaxBatchLines(int maxBatchLines) {
        this.maxBatchLines = maxBatchLines;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public Duration getUncertainWriteExpiry() {
        return uncertainWriteExpiry;
    }

    public void setUncertainWriteExpiry(Duration uncertainWriteExpiry) {
        this.uncertainWriteExpiry = uncertainWriteExpiry;
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
