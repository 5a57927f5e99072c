package kz.aqparat.bench;

import kz.aqparat.cli.articles.ArticleStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import kz.aqparat.bench.history.HistoryArticles;
import kz.aqparat.bench.history.HistoryPreload;
import kz.aqparat.bench.history.NamePopulation;
import kz.aqparat.extraction.ArticleExtractor;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test the pipeline end to end and compare it with Kafka's own limit on the same broker.",
                "Starts a local stack on free ports (data in .pipeline/bench-<time>/, deleted afterwards) unless "
                        + "--ingest-url, --store-url and --bootstrap name a running one; pushes generated articles "
                        + "through the ingest HTTP API; measures accepted and stored articles/s, "
                        + "acknowledgement-to-visible latency, consumer lag, CPU and memory; then passes the same "
                        + "records through a no-op Kafka Streams topology. See docs/bench.md."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", defaultValue = "45", paramLabel = "SECONDS",
            description = "measurement window after the warm-up (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    // On two cores, five cold JVMs spend tens of CPU-seconds compiling under load: with a 10 s warm-up the
    // measured rate was 168/s, with 60 s 441/s (and still rising), on the same build.
    @Option(names = "--warmup", defaultValue = "60", paramLabel = "SECONDS",
            description = "load before the measurement window, not counted; long enough for the JIT compilers "
                    + "to finish (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "ARTICLES/S",
            description = "open loop at this offered rate; 0 = closed loop at the maximum (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--batch-size", defaultValue = "10",
            description = "articles per request: 1 = POST /api/articles, more = POST /api/articles/batch (NDJSON) "
                    + "(default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--article-kb", defaultValue = "5",
            description = "mean article size in KB, sizes 1-20 KB (default: ${DEFAULT-VALUE})")
    double articleKb;

    @Option(names = "--max-in-flight", defaultValue = "2000",
            description = "closed loop: pause sending while this many accepted articles are not yet in "
                    + "articles.store (default: ${DEFAULT-VALUE})")
    long maxInFlight;

    @Option(names = "--drain-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "how long to wait after the load for every accepted article to reach articles.store "
                    + "(default: ${DEFAULT-VALUE})")
    int drainSeconds;

    // 10,000 records took 1.1-1.9 s and gave 5,175-8,864/s on the same build: too short to be a rate.
    @Option(names = "--limit-records", defaultValue = "50000",
            description = "at most this many of the run's articles go through the pass-through limit run; "
                    + "0 skips it (default: ${DEFAULT-VALUE})")
    long limitRecords;

    @Option(names = "--max-articles", defaultValue = "0", hidden = true,
            description = "stop after this many articles (0 = no limit)")
    long maxArticles;

    @Option(names = "--json", paramLabel = "FILE", description = "write the summary as JSON")
    Path json;

    @Option(names = "--chart", paramLabel = "FILE", description = "write an HTML chart (inline SVG) over time")
    Path chart;

    @Option(names = "--ingest-url", paramLabel = "URL", description = "target a running stack: ingest-service")
    URI ingestUrl;

    @Option(names = "--store-url", paramLabel = "URL", description = "target a running stack: store-service")
    URI storeUrl;

    @Option(names = "--enrich-url", paramLabel = "URL",
            description = "running stack: enrich-service, for its /prometheus CPU and memory")
    URI enrichUrl;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "running stack: its Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--groups", split = ",", defaultValue = "aqparat-enrich,aqparat-store-v3",
            description = "consumer groups (Streams application ids) whose lag is sampled, enrich's first, store's "
                    + "second (default: ${DEFAULT-VALUE})")
    List<String> groups;

    @Option(names = "--partitions", defaultValue = "3",
            description = "local stack: partitions of the pipeline's topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE",
            description = "local stack: Kafka Streams setting for enrich, store and the limit topology, "
                    + "e.g. commit.interval.ms=50; repeatable")
    Map<String, String> streamsConfig = new LinkedHashMap<>();

    @Option(names = "--enrich-streams-config", paramLabel = "KEY=VALUE",
            description = "local stack: Kafka Streams setting for enrich only; repeatable")
    Map<String, String> enrichStreamsConfig = new LinkedHashMap<>();

    @Option(names = "--store-streams-config", paramLabel = "KEY=VALUE",
            description = "local stack: Kafka Streams setting for store only; repeatable")
    Map<String, String> storeStreamsConfig = new LinkedHashMap<>();


    @Option(names = "--service-env", paramLabel = "NAME=VALUE",
            description = "local stack: extra environment of the three services; repeatable")
    Map<String, String> serviceEnv = new LinkedHashMap<>();

    @Option(names = "--jfr", paramLabel = "DIR",
            description = "local stack: record each service with Java Flight Recorder into DIR/<service>.jfr")
    Path jfrDir;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "local stack: broker data, state and logs")
    Path workDir;

    @Option(names = "--ports-from", paramLabel = "PORT",
            description = "local stack: take consecutive free ports from PORT (broker, controller, services) "
                    + "instead of random free ones")
    Integer portsFrom;

    @Option(names = "--keep", description = "local stack: keep the work directory (logs) afterwards")
    boolean keep;

    @Option(names = "--preload", defaultValue = "0", paramLabel = "N",
            description = "before the run, write N generated articles straight into the topics (see "
                    + "--preload-into) and run the measurement on top of that history (default: ${DEFAULT-VALUE})")
    long preload;

    @Option(names = "--preload-into", split = ",", defaultValue = "enriched", paramLabel = "raw|enriched",
            description = "enriched: to articles.enriched (store-service builds articles.store and the views from "
                    + "them, no extraction); raw: to articles.raw (ingest's duplicate check and a replay see them; "
                    + "enrich's offsets are moved past them); raw,enriched: both, consistently "
                    + "(default: ${DEFAULT-VALUE})")
    List<String> preloadInto;

    @Option(names = "--preload-timeout", defaultValue = "1800", paramLabel = "SECONDS",
            description = "how long store-service may take to consume the preloaded articles.enriched "
                    + "(default: ${DEFAULT-VALUE})")
    int preloadTimeoutSeconds;

    @Option(names = "--measure-restore",
            description = "local stack, after the run: stop store-service, delete its state directory, start it "
                    + "again and time it to /health UP (restoreSeconds)")
    boolean measureRestore;

    @Option(names = "--view-requests", defaultValue = "200", paramLabel = "N",
            description = "after the run, measured requests per read endpoint of store-service, one at a time "
                    + "(default: ${DEFAULT-VALUE})")
    int viewRequests;

    @Option(names = "--view-seconds", defaultValue = "30", paramLabel = "SECONDS",
            description = "at most this long per read endpoint (default: ${DEFAULT-VALUE})")
    int viewSeconds;

    @Option(names = "--view-endpoint", paramLabel = "NAME=PATH",
            description = "one more read endpoint to measure, e.g. trending=api/views/trending?type=PERSON; "
                    + "{id} is replaced by stored article ids; repeatable")
    Map<String, String> viewEndpoints = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "seed of the article stream (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        RepoLayout layout = RepoLayout.find();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String runId = stamp + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        ArticleStream articles = new ArticleStream(layout.samples(), runId, seed, articleKb);
        Set<HistoryPreload.Target> into = preloadTargets();
        HistoryArticles history = preload == 0 ? null : new HistoryArticles(
                new ArticleStream(layout.samples(), runId + "-history", seed, articleKb), NamePopulation.load(seed),
                seed, ArticleExtractor.VERSION);
        AtomicReference<HistoryPreload.Result> preloaded = new AtomicReference<>();
        BenchStack.BrokerStep writeHistory = preload == 0 ? null : brokers -> {
            say(err, "preloading " + preload + " generated articles into " + into + " ...");
            if (ingestUrl == null) {
                HistoryPreload.createTopics(brokers, partitions);
            }
            HistoryPreload.Result result = HistoryPreload.write(brokers, history, preload, into, groups.get(0),
                    line -> say(err, line));
            say(err, String.format(Locale.ROOT, "preload: %s records in %.1f s (%.0f records/s, %.0f MB), read back %s",
                    result.records(), result.seconds(), result.recordsPerSecond(), result.megabytes(),
                    result.readBack()));
            preloaded.set(result);
        };

        BenchStack stack;
        if (ingestUrl != null) {
            say(err, "targeting the running stack: ingest " + ingestUrl + ", store " + storeUrl + ", kafka " + bootstrap);
            stack = BenchStack.running(bootstrap, ingestUrl, enrichUrl, storeUrl);
            if (writeHistory != null) {
                writeHistory.run(bootstrap);
            }
        } else {
            Path work = workDir != null ? workDir : layout.workDir().resolve("bench-" + stamp);
            say(err, "starting Kafka and the three services on free ports (work dir " + work + ") ...");
            Map<String, String> env = new LinkedHashMap<>(serviceEnv);
            env.putIfAbsent("AQPARAT_TOPIC_PARTITIONS", Integer.toString(partitions));
            Map<String, List<String>> jvm = new LinkedHashMap<>();
            jvm.put(LocalPipeline.ENRICH, systemProperties(streamsFor(enrichStreamsConfig)));
            jvm.put(LocalPipeline.STORE, systemProperties(streamsFor(storeStreamsConfig)));
            say(err, "Streams settings beyond the services' own: enrich " + streamsFor(enrichStreamsConfig)
                    + ", store " + streamsFor(storeStreamsConfig));
            stack = BenchStack.start(layout, new BenchStack.Launch(work, keep, env, jvm, jfrDir, writeHistory,
                    portsFrom),
                    Duration.ofMinutes(30));
        }
        Map<String, Object> preloadSummary = null;
        if (preloaded.get() != null) {
            preloadSummary = preloaded.get().summary();
            if (into.contains(HistoryPreload.Target.ENRICHED)) {
                say(err, "waiting for store-service to consume the preloaded articles ...");
                try {
                    // Then its articles-by-id table reads what it wrote to articles.store: the same group.
                    double catchUp = HistoryPreload.awaitConsumed(stack.bootstrap(), groups.get(1),
                            kz.aqparat.contracts.Topics.ARTICLES_ENRICHED.name(),
                            Duration.ofSeconds(preloadTimeoutSeconds), line -> say(err, line));
                    catchUp += HistoryPreload.awaitConsumed(stack.bootstrap(), groups.get(1),
                            kz.aqparat.contracts.Topics.ARTICLES_STORE.name(),
                            Duration.ofSeconds(preloadTimeoutSeconds), line -> say(err, line));
                    // Measured from all three UP; store-service was UP (and consuming) that much earlier.
                    Map<String, Double> startup = stack.startupSeconds();
                    if (startup.containsKey(LocalPipeline.STORE)) {
                        double lastUp = startup.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                        catchUp += lastUp - startup.get(LocalPipeline.STORE);
                    }
                    preloadSummary.put("storeCatchUpSeconds", BenchRun.round(catchUp, 1));
                    preloadSummary.put("storeArticlesPerSecond", Math.round(preload / Math.max(catchUp, 0.001)));
                    say(err, "store-service consumed them in " + BenchRun.round(catchUp, 1) + " s after its "
                            + "/health UP");
                } catch (Exception e) {
                    stack.close();
                    throw e;
                }
            }
        }
        Thread hook = new Thread(stack::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, Object> summary;
        try {
            say(err, (rate > 0 ? "open loop at " + rate + " articles/s" : "closed loop (max rate)") + ", "
                    + clients + " clients, batch size " + batchSize + ", warm-up " + warmupSeconds + " s, measuring "
                    + durationSeconds + " s");
            // The limit topology runs with enrich's settings: one exactly-once stage, like each of ours.
            Map<String, Object> overrides = new LinkedHashMap<>(streamsFor(enrichStreamsConfig));
            BenchRun.Settings settings = new BenchRun.Settings(Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(durationSeconds), rate, clients, batchSize, articleKb, maxInFlight,
                    Duration.ofSeconds(drainSeconds), limitRecords, maxArticles, groups, overrides, seed,
                    viewRequests, Duration.ofSeconds(viewSeconds), endpoints(), measureRestore);
            summary = new BenchRun(stack, settings, articles, runId, line -> {
                err.println(line);
                err.flush();
            }).preloaded(preloadSummary, preloaded.get() == null ? List.of() : preloaded.get().sampleIds()).run();
        } finally {
            say(err, "stopping ...");
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already running
            }
        }
        out.println(BenchReport.table(summary));
        out.flush();
        if (json != null) {
            Files.write(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
            say(err, "summary written to " + json);
        }
        if (chart != null) {
            Files.writeString(chart, BenchReport.html(summary));
            say(err, "chart written to " + chart);
        }
        return 0;
    }

    /** --streams-config, then the service's own option. */
    private Map<String, String> streamsFor(Map<String, String> own) {
        Map<String, String> config = new LinkedHashMap<>(streamsConfig);
        config.putAll(own);
        return config;
    }

    private static List<String> systemProperties(Map<String, String> streams) {
        List<String> options = new ArrayList<>();
        streams.forEach((k, v) -> options.add("-Dkafka.streams.default." + k + "=" + v));
        return options;
    }

    private Map<String, String> endpoints() {
        Map<String, String> all = new LinkedHashMap<>(ViewLatency.DEFAULT_ENDPOINTS);
        viewEndpoints.forEach((name, path) -> all.put(name, path.startsWith("/") ? path.substring(1) : path));
        return all;
    }

    private Set<HistoryPreload.Target> preloadTargets() {
        Set<HistoryPreload.Target> targets = EnumSet.noneOf(HistoryPreload.Target.class);
        for (String target : preloadInto) {
            try {
                targets.add(HistoryPreload.Target.valueOf(target.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--preload-into takes raw, enriched or raw,enriched, not " + target);
            }
        }
        if (targets.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--preload-into is empty");
        }
        if (preload > 0 && ingestUrl != null && targets.contains(HistoryPreload.Target.RAW)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--preload-into raw needs the local stack: enrich's offsets are set before it starts");
        }
        if (preload > Integer.MAX_VALUE - 8 || preload < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--preload must be 0..2^31");
        }
        if (preload > 0 && groups.size() < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--preload needs --groups ENRICH,STORE (the Streams application ids)");
        }
        return targets;
    }

    private void validate() {
        boolean any = ingestUrl != null || storeUrl != null || bootstrap != null;
        boolean all = ingestUrl != null && storeUrl != null && bootstrap != null;
        if (any && !all) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "a running stack needs all of --ingest-url, --store-url and --bootstrap");
        }
        if (clients < 1 || batchSize < 1 || durationSeconds < 1 || warmupSeconds < 0 || articleKb < 1
                || articleKb > 20) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need --clients >= 1, --batch-size >= 1, --duration >= 1, --warmup >= 0, 1 <= --article-kb <= 20");
        }
    }

    private static void say(PrintWriter err, String message) {
        err.println("==> " + message);
        err.flush();
    }
}
