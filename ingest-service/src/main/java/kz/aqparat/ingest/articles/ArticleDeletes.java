package kz.aqparat.ingest.articles;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.KafkaClientProperties;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Deletes articles: writes a tombstone (key = article id, null value) to {@code articles.raw}, durable (acks=all,
 * idempotent) before it returns. Enrich forwards it to {@code articles.enriched} with its raw offset, and the store
 * removes the article and keeps it deleted against any older record that is re-processed later.
 */
@Singleton
public class ArticleDeletes {

    private final Producer<String, RawArticle> producer;
    private final IngestMetrics metrics;
    private final Duration timeout;

    public ArticleDeletes(KafkaClientProperties kafka, IngestConfiguration config, IngestMetrics metrics,
                          MeterRegistry registry) {
        this.producer = RawArticleProducer.create(kafka, config, registry, "ingest-articles-raw-deletes");
        this.metrics = metrics;
        this.timeout = config.getSendTimeout();
    }

    /**
     * Writes the tombstone of article {@code id} and waits until Kafka has it.
     *
     * @return its offset in {@code articles.raw}, the source version of the delete
     * @throws KafkaUnavailable when Kafka did not acknowledge it within {@code aqparat.ingest.send-timeout}
     */
    public long delete(String id) {
        ProducerRecord<String, RawArticle> tombstone = new ProducerRecord<>(Topics.ARTICLES_RAW.name(), id, null);
        try {
            RecordMetadata written = producer.send(tombstone).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            metrics.deleted();
            return written.offset();
        } catch (TimeoutException e) {
            metrics.unavailable();
            throw new KafkaUnavailable("Kafka did not acknowledge the delete within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            metrics.unavailable();
            throw new KafkaUnavailable("Kafka did not accept the delete: " + e.getCause().getMessage(), e.getCause());
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: the producer is closed while the service shuts down; a 503, not a 500.
            metrics.unavailable();
            throw new KafkaUnavailable("Kafka did not accept the delete: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while waiting for Kafka", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(timeout);
    }
}
