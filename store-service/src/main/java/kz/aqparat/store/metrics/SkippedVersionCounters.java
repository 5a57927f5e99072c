package kz.aqparat.store.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import kz.aqparat.store.topology.VersionListener;

/**
 * Counts the records of {@code articles.enriched} that changed nothing, by why, on {@code /prometheus} as
 * {@code aqparat_store_versions_skipped_total{reason="older|same|duplicate|deleted|stale-delete"}}. A record of an
 * aborted transaction is processed, and counted, again.
 */
@Singleton
public class SkippedVersionCounters implements VersionListener {

    private final Map<Skip, Counter> counters = new EnumMap<>(Skip.class);

    public SkippedVersionCounters(MeterRegistry registry) {
        for (Skip why : Skip.values()) {
            counters.put(why, Counter.builder("aqparat.store.versions.skipped")
                    .description("Records of articles.enriched not stored: older, the same version again, a duplicate "
                            + "push, older than a delete, or a stale delete")
                    .tag("reason", why.label())
                    .register(registry));
        }
    }

    @Override
    public void skipped(String id, Skip why) {
        counters.get(why).increment();
    }
}
