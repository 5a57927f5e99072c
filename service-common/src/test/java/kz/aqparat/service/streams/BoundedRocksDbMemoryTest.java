package kz.aqparat.service.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees in the RocksDB metrics of a Streams application that uses the setter. */
class BoundedRocksDbMemoryTest {

    @TempDir
    Path stateDir;

    @Test
    void everyStoreReportsTheOneSharedCacheOfTheConfiguredSize() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("a", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("store-a"));
        builder.table("b", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("store-b"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-test");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, "INFO");
        config.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, "33554432");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            for (String topic : List.of("a", "b")) {
                TestInputTopic<String, String> input = driver.createInputTopic(topic, Serdes.String().serializer(),
                        Serdes.String().serializer());
                input.pipeInput("k", "v");
            }
            List<Metric> capacities = driver.metrics().values().stream()
                    .filter(m -> m.metricName().name().equals("block-cache-capacity"))
                    .map(Metric.class::cast).toList();
            assertFalse(capacities.isEmpty(), "no block-cache-capacity metric: " + driver.metrics().keySet());
            for (Metric capacity : capacities) {
                // Without the setter each store reports its own 50 MB cache.
                assertEquals(BigInteger.valueOf(32L * 1024 * 1024), capacity.metricValue(),
                        capacity.metricName().toString());
            }
            assertEquals(2, capacities.stream().map(m -> m.metricName().tags().get("rocksdb-state-id"))
                    .distinct().count(), capacities.toString());
        }
        assertEquals(32L * 1024 * 1024, BoundedRocksDbMemory.totalBytes());
    }
}
