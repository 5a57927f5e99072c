package kz.aqparat.bench.ids;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.aqparat.contracts.ArticleIdVersions;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.Stores;
import kz.aqparat.contracts.Topics;
import kz.aqparat.cli.local.ApiKeyFile;
import kz.aqparat.cli.local.LocalBroker;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How ingest-service's id index behaves with a long history: writes {@code --ids} ids straight into
 * {@code articles.ids} and the indexer's changelog (as if {@code articles.raw} had held that many articles), then
 * starts ingest-service from an empty state directory and again from the warm one, and reports for each start the
 * seconds until {@code /health} is UP, the heap after a full GC and the latency of new and duplicate pushes.
 * Starts its own broker and service on {@code --ports-from} .. +2 and removes its work directory at the end.
 */
@Command(name = "id-index-bench", mixinStandardHelpOptions = true,
        description = "Measure ingest-service's start-up, heap and push latency over N known ids (docs/bench.md).")
public final class IdIndexBench implements Callable<Integer> {

    /** The indexer's changelog: {@code <application.id>-<store>-changelog}, application.id of ingest's config. */
    static final String CHANGELOG = "aqparat-ingest-ids-" + Stores.ARTICLE_ID_VERSIONS.name() + "-changelog";

    @Option(names = "--ids", description = "ids written before ingest starts (default: ${DEFAULT-VALUE})")
    long ids = 1_000;
    @Option(names = "--pushes", description = "pushes of each kind per start (default: ${DEFAULT-VALUE})")
    int pushes = 200;
    @Option(names = "--partitions", description = "partitions of the topics (default: ${DEFAULT-VALUE})")
    int partitions = 12;
    @Option(names = "--ports-from", description = "broker, controller, ingest ports from here (default: ${DEFAULT-VALUE})")
    int portsFrom = 21000;
    @Option(names = "--work", description = "work directory, deleted afterwards (default: a temporary one)")
    Path work;
    @Option(names = "--ingest-jar", description = "ingest-service jar (default: the repository's)")
    Path ingestJar;
    @Option(names = "--heap", description = "-Xmx of ingest-service (default: ${DEFAULT-VALUE})")
    String heap = "1g";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String key;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IdIndexBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RepoLayout layout = RepoLayout.find();
        Path dir = work != null ? work : Files.createTempDirectory("aqparat-id-index-bench");
        Path jar = ingestJar != null ? ingestJar : layout.serviceJar(LocalPipeline.INGEST);
        LocalBroker broker = LocalBroker.start(layout.kafkaLibs(), dir.resolve("kafka"), portsFrom, portsFrom + 1,
                dir.resolve("kafka.log"));
        Map<String, Object> report = new LinkedHashMap<>();
        try {
            KafkaClientProperties kafka = KafkaClientProperties.of(Map.of("bootstrap.servers",
                    broker.bootstrapServers()));
            new PipelineTopics(kafka, partitions, (short) 1).ensureExist();
            createChangelog(kafka);
            long t0 = System.nanoTime();
            preload(broker.bootstrapServers());
            double preloadSeconds = seconds(t0);
            report.put("ids", ids);
            report.put("preloadSeconds", round(preloadSeconds));
            report.put("preloadRecordsPerSecond", Math.round(2 * ids / preloadSeconds));
            ApiKeyFile keys = ApiKeyFile.in(dir);
            key = keys.requireOperatorKey();
            Path state = dir.resolve("state");
            report.put("emptyState", run(jar, broker, keys, state, dir.resolve("ingest-cold.log"), 0));
            report.put("warmState", run(jar, broker, keys, state, dir.resolve("ingest-warm.log"), 1));
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        } finally {
            broker.close();
            if (work == null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void createChangelog(KafkaClientProperties kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.admin(Map.of()))) {
            if (!admin.listTopics().names().get().contains(CHANGELOG)) {
                admin.createTopics(List.of(new NewTopic(CHANGELOG, partitions, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The text of preloaded article {@code i}; its id is the fingerprint of that text (an article without URL). */
    static String text(long i) {
        return "Предварительно загруженная статья номер " + i + ".";
    }

    /**
     * Each id once to {@code articles.ids} and to the indexer's changelog, in the partition its key hashes to (that
     * of {@code articles.raw}), with raw offset -1 (nothing in {@code articles.raw} itself), and per partition the
     * indexer's count entry.
     */
    private void preload(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        Serializer<ArticleIdVersions> json = new JsonSerde<>(ArticleIdVersions.class).serializer();
        long[] counts = new long[partitions];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                (topic, data) -> data)) {
            for (long i = 0; i < ids; i++) {
                String id = ArticleIds.of(null, text(i));
                int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
                byte[] value = json.serialize(null, new ArticleIdVersions(List.of(id), partition, -1,
                        ++counts[partition]));
                producer.send(new ProducerRecord<>(Topics.ARTICLE_IDS.name(), partition, id, value));
                producer.send(new ProducerRecord<>(CHANGELOG, partition, id, value));
            }
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(CHANGELOG, p, "\u0000ids",
                        json.serialize(null, new ArticleIdVersions(List.of(), p, -1, counts[p]))));
            }
            producer.flush();
        }
    }

    private Map<String, Object> run(Path jar, LocalBroker broker, ApiKeyFile keys, Path state, Path log, int round)
            throws Exception {
        Map<String, String> env = new HashMap<>(keys.serviceEnv());
        env.put("AQPARAT_TOPIC_PARTITIONS", Integer.toString(partitions));
        env.put("JAVA_TOOL_OPTIONS", "-Xmx" + heap);
        int port = portsFrom + 2;
        long t0 = System.nanoTime();
        ServiceProcess ingest = ServiceProcess.start(LocalPipeline.INGEST, jar, broker.bootstrapServers(), port,
                state, log, env);
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            awaitUp(ingest, Duration.ofMinutes(9));
            result.put("secondsToHealthUp", round(seconds(t0)));
            result.put("knownIds", knownIds(port));
            Random random = new Random(round);
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < pushes; i++) {
                fresh.add("{\"text\": \"Новая статья " + round + "-" + i + "-" + random.nextLong() + ".\"}");
            }
            result.put("newMs", latencies(port, fresh, 202));
            Thread.sleep(2000); // so that the next pushes are answered by the index, not by claims in memory
            result.put("duplicateOfNewMs", latencies(port, fresh, 200));
            if (ids > 0) {
                List<String> old = new ArrayList<>();
                for (int i = 0; i < pushes; i++) {
                    old.add("{\"text\": \"" + text(Math.floorMod(random.nextLong(), ids)) + "\"}");
                }
                result.put("duplicateOfPreloadedMs", latencies(port, old, 200));
            }
            result.putAll(memory(ingest.process().pid(), port));
        } finally {
            ingest.close();
        }
        return result;
    }

    private void awaitUp(ServiceProcess ingest, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ingest.process().requireAlive();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + ingest.port() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && Json.mapper().readTree(health.body()).path("status").asText()
                        .equals("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ingest-service not UP within " + timeout + "\n" + ingest.process().logTail(40));
    }

    private long knownIds(int port) throws Exception {
        return Json.mapper().readTree(get(port, "/health")).path("details").path("articleIds").path("details")
                .path("ids").asLong(-1);
    }

    /** Sequential pushes, each answer checked; p50, p99 and max in ms. */
    private Map<String, Double> latencies(int port, List<String> bodies, int expected) throws Exception {
        double[] ms = new double[bodies.size()];
        for (int i = 0; i < bodies.size(); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (answer.statusCode() != expected) {
                throw new IllegalStateException("push " + i + " answered " + answer.statusCode() + " "
                        + answer.body() + ", expected " + expected);
            }
        }
        Arrays.sort(ms);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("p50", round(ms[ms.length / 2]));
        result.put("p99", round(ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)]));
        result.put("max", round(ms[ms.length - 1]));
        return result;
    }

    /** Heap used after a full GC ({@code jcmd GC.run}, then the JVM's own metric), and the resident set size. */
    private Map<String, Object> memory(long pid, int port) throws Exception {
        Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(60, TimeUnit.SECONDS);
        double heapBytes = get(port, "/prometheus").lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        long rssKb = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("heapMbAfterGc", round(heapBytes / 1024 / 1024));
        result.put("rssMb", round(rssKb / 1024.0));
        return result;
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
