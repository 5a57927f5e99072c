package kz.aqparat.ingest.articles;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code aqparat_ingest_articles_total{outcome=accepted|duplicate|rejected|unavailable}},
 * {@code aqparat_ingest_deletes_total}, {@code aqparat_ingest_known_ids}, the size of the article id view, and
 * {@code aqparat_ingest_uncertain_writes}, versions whose write may or may not be in Kafka (retries of them are
 * answered 503 until that is known).
 */
@Singleton
public class IngestMetrics {

    private final Counter accepted;
    private final Counter duplicate;
    private final Counter rejected;
    private final Counter unavailable;
    private final Counter deleted;

    public IngestMetrics(MeterRegistry registry, ArticleIdView ids) {
        accepted = counter(registry, "accepted");
        duplicate = counter(registry, "duplicate");
        rejected = counter(registry, "rejected");
        unavailable = counter(registry, "unavailable");
        deleted = Counter.builder("aqparat.ingest.deletes")
                .description("deletes (tombstones) written to articles.raw")
                .register(registry);
        Gauge.builder("aqparat.ingest.known.ids", ids, ArticleIdView::size)
                .description("article ids in this instance's view of articles.raw")
                .register(registry);
        Gauge.builder("aqparat.ingest.uncertain.writes", ids, ArticleIdView::uncertainWrites)
                .description("article versions whose write failed ambiguously and is not settled yet")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("aqparat.ingest.articles")
                .description("articles received by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    void count(ArticleWriter.Status status) {
        (status == ArticleWriter.Status.ACCEPTED ? accepted : duplicate).increment();
    }

    void rejected() {
        rejected.increment();
    }

    void unavailable() {
        unavailable.increment();
    }

    void deleted() {
        deleted.increment();
    }
}
