package kz.aqparat.cli.chaos;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kz.aqparat.cli.local.ChildProcess;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Crash tests on a 3-broker cluster: starts its own stack (3 KRaft brokers, the three "
                + "services, free loopback ports, a temporary work directory), pushes distinct articles at a steady "
                + "rate and, mid-load, kills a broker, enrich, store or ingest with SIGKILL, restarts the whole stack, "
                + "or takes two brokers away so that Kafka cannot take writes. After each: every accepted article is "
                + "in articles.store exactly once and served by id, every view equals the views recomputed from the "
                + "stored articles, nothing is in articles.dlq, and ingest answered 503 with Retry-After within its "
                + "send timeout while Kafka could not take writes.",
                "Scenarios: broker-kill, enrich-kill, store-kill, ingest-kill, stack-restart, kafka-unwritable.",
                "Exit code 1 if any scenario fails its checks."})
public final class ChaosCommand implements Callable<Integer> {

    static final List<Scenario> SHORT = List.of(Scenario.ENRICH_KILL, Scenario.KAFKA_UNWRITABLE);

    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME[,NAME...]",
            description = "which scenarios, in this order (default: all)")
    List<String> scenarios;

    @Option(names = "--articles", paramLabel = "N", description = "distinct articles per scenario (default: 450; "
            + "--short: 120)")
    Integer articles;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "load per scenario in seconds instead of --articles (articles = rate x duration)")
    Integer duration;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "articles per second (default: 15)")
    Double rate;

    @Option(names = "--short", description = "the short run of the integration test: "
            + "enrich-kill and kafka-unwritable, 120 articles each")
    boolean shortRun;

    @Option(names = "--send-timeout", defaultValue = "3", paramLabel = "SECONDS",
            description = "ingest's AQPARAT_INGEST_SEND_TIMEOUT (default: ${DEFAULT-VALUE})")
    int sendTimeoutSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "write the figures as JSON")
    Path json;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "broker data, Streams state and logs (default: a new directory under the temp dir)")
    Path workDir;

    @Option(names = "--ports-from", paramLabel = "PORT", defaultValue = "0",
            description = "take the ports from this one on (the first 9 free ones) instead of any free ports")
    int portsFrom;

    @Option(names = "--keep", description = "keep the work directory (logs, data) afterwards")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Scenario> chosen = scenarios != null ? scenarios.stream().map(Scenario::byId).toList()
                : shortRun ? SHORT : Arrays.asList(Scenario.values());
        double perSecond = rate != null ? rate : 15;
        if (perSecond <= 0 || perSecond > 500) {
            throw new IllegalArgumentException("--rate must be in (0, 500], was " + perSecond);
        }
        int count = duration != null ? (int) Math.ceil(perSecond * duration)
                : articles != null ? articles : shortRun ? 120 : 450;
        if (count < 10 || count > 20_000) {
            throw new IllegalArgumentException("between 10 and 20000 articles per scenario, not " + count);
        }
        RepoLayout layout = RepoLayout.find();
        Path work = workDir != null ? workDir.toAbsolutePath() : Files.createTempDirectory("aqparat-chaos-");
        String runId = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        ChaosRun.Options options = new ChaosRun.Options(chosen, count, perSecond,
                Duration.ofSeconds(sendTimeoutSeconds));
        long start = System.nanoTime();
        List<ScenarioResult> results;
        ChaosStack stack = new ChaosStack(layout, work, options.sendTimeout(), portsFrom);
        Thread hook = new Thread(ChildProcess::stopAllLive, "chaos-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            results = new ChaosRun(layout, stack, options, out, runId).run();
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (!keep && workDir == null) {
                deleteTree(work);
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        printTable(out, results, total);
        if (json != null) {
            Map<String, Object> report = Map.of("scenarios", results, "totalSeconds", Math.round(total * 10) / 10.0,
                    "articlesPerScenario", count, "rate", perSecond, "sendTimeoutSeconds", sendTimeoutSeconds);
            Files.writeString(json, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new java.util.TreeMap<>(report)));
            out.println("figures written to " + json);
        }
        if (keep || workDir != null) {
            out.println("logs and data in " + work);
        }
        out.flush();
        boolean allRan = results.size() == chosen.size();
        return allRan && results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
    }

    static void printTable(PrintWriter out, List<ScenarioResult> results, double totalSeconds) {
        String format = "%-17s %6s %8s %6s %4s %7s %5s %9s %7s %5s %8s %4s  %s%n";
        out.println();
        out.printf(Locale.ROOT, format, "scenario", "pushed", "accepted", "stored", "lost", "doubled", "views",
                "recovery", "drain", "503s", "max ms", "dlq", "result");
        for (ScenarioResult r : results) {
            out.printf(Locale.ROOT, format, r.name(), r.pushed(), r.accepted(), r.stored(), r.lost(), r.doubled(),
                    r.viewsMatch() ? "ok" : "DIFF", String.format(Locale.ROOT, "%.1f s", r.recoverySeconds()),
                    String.format(Locale.ROOT, "%.1f s", r.drainSeconds()), r.answers503(), r.maxAnswerMillis(),
                    r.dlq(), r.passed() ? "passed" : "FAILED");
            for (String failure : r.failures()) {
                out.println("    - " + failure);
            }
            for (String note : r.notes()) {
                out.println("    (noted) " + note);
            }
        }
        out.printf(Locale.ROOT, "%d scenario(s): %d passed and %d failed, in %.0f s%n", results.size(),
                results.stream().filter(ScenarioResult::passed).count(),
                results.stream().filter(r -> !r.passed()).count(), totalSeconds);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
