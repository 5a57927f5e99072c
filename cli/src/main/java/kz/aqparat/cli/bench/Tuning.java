package kz.aqparat.cli.bench;

import java.util.Map;

/**
 * The Kafka Streams settings the bench runs the services with unless {@code --untuned}: what profiling on the
 * 2-core machine showed to stand in the way (see docs/bench.md for the runs and what each gained).
 */
final class Tuning {

    /**
     * enrich: extraction is CPU-bound per record (about two thirds of enrich's CPU in JFR), and one stream
     * thread uses one core; with 3 partitions a second thread lets enrichment use both.
     */
    static final Map<String, String> ENRICH = Map.of("num.stream.threads", "2");

    /**
     * store: its topology writes several repartition and changelog records per article; a second thread spreads
     * its 12 tasks over both cores, and a longer commit interval lets the record cache merge view updates
     * (regions, days, frequent entities) before they are flushed, which halved its peak lag.
     */
    static final Map<String, String> STORE = Map.of("num.stream.threads", "2", "commit.interval.ms", "200");

    private Tuning() {
    }
}
