package kz.aqparat.store.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Not a test: the store topology's own throughput (articles/s through {@link TopologyTestDriver}, RocksDB stores,
 * a commit after every record) on an NDJSON file of enriched articles, e.g. the bench's preload history written by
 * bench's {@code DumpEnrichedHistory}. {@code TopologyThroughput FILE [ROUNDS]}: the first round warms up, each
 * round feeds every article once more with a higher source version, so each is a new version that replaces the
 * previous one (its old contributions taken back), as a replay by a newer engine would.
 */
public final class TopologyThroughput {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final java.util.regex.Pattern SOURCE_VERSION =
            java.util.regex.Pattern.compile("\"sourceVersion\":(\\d+)");

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path state = Files.createTempDirectory("store-throughput");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-throughput");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        try (TopologyTestDriver driver = new TopologyTestDriver(StoreTopology.build(props, ViewListener.NONE), props)) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic(Topics.ARTICLES_ENRICHED.name(),
                    new StringSerializer(), new ByteArraySerializer());
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                for (String line : lines) {
                    // A higher source version each round: every record is a new version of its article.
                    long offset = round * 10_000_000L;
                    String json = SOURCE_VERSION.matcher(line).replaceFirst(
                            m -> "\"sourceVersion\":" + (offset + Long.parseLong(m.group(1))));
                    input.pipeInput(idOf(json), json.getBytes(StandardCharsets.UTF_8));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                // CPU time of the (single) processing thread: what a shared machine's load does not inflate.
                System.out.printf("round %d: %d articles in %.2f s = %.0f articles/s; %.0f articles per CPU second%n",
                        round, lines.size(), seconds, lines.size() / seconds, lines.size() / cpu);
            }
        }
    }

    private static String idOf(String json) {
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }
}
