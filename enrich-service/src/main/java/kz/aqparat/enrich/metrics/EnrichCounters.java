package kz.aqparat.enrich.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.enrich.topology.EnrichListener;

/**
 * Counters of the records enrich-service handled, on {@code /prometheus} as
 * {@code aqparat_enrich_enriched_total}, {@code aqparat_enrich_deleted_total} and {@code aqparat_enrich_dead_lettered_total{stage=…}}.
 */
@Singleton
public class EnrichCounters implements EnrichListener {

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter deleted;

    public EnrichCounters(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("aqparat.enrich.enriched")
                .description("Articles enriched and written to articles.enriched")
                .register(registry);
        this.deleted = Counter.builder("aqparat.enrich.deleted")
                .description("Deletes (tombstones of articles.raw) written to articles.enriched")
                .register(registry);
    }

    @Override
    public void enriched(EnrichedArticle article) {
        enriched.increment();
    }

    @Override
    public void deleted(String id) {
        deleted.increment();
    }

    @Override
    public void deadLettered(String stage, Throwable error) {
        Counter.builder("aqparat.enrich.dead.lettered")
                .description("Records written to articles.dlq, by failed stage")
                .tag("stage", stage)
                .register(registry)
                .increment();
    }
}
