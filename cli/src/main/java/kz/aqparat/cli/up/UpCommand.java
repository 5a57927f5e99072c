package kz.aqparat.cli.up;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import kz.aqparat.cli.local.ChildProcess;
import kz.aqparat.cli.local.LocalCluster;
import kz.aqparat.cli.local.RestartBackoff;
import kz.aqparat.cli.local.Supervisor;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;
import kz.aqparat.cli.push.ArticlePusher;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.TopicSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally: a real Kafka broker (KRaft, data in .pipeline/kafka/, kept "
                + "across restarts), or a cluster of --brokers N, unless --bootstrap is given, then ingest, enrich "
                + "and store; push the sample articles, wait until the views show them and print the URLs. A "
                + "process that dies is restarted (1 s, doubling to 30 s). Ctrl-C stops everything.",
                "Logs: .pipeline/logs/<name>.log, restarts in .pipeline/logs/supervisor.log"})
public final class UpCommand implements Callable<Integer> {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(180);

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,...]",
            description = "use this existing Kafka cluster instead of starting a local broker")
    String bootstrap;

    @Option(names = "--brokers", defaultValue = "1", paramLabel = "N",
            description = "local brokers (default: ${DEFAULT-VALUE}); with 3, each is broker and controller, topics "
                    + "get replication 3 and min.insync.replicas=2, data in .pipeline/kafka-3/")
    int brokers;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "port of the (first) local broker; broker i uses this + i - 1 (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--controller-port",
            description = "port of the (first) KRaft controller; controller i uses this + i - 1 (default: 9093 for "
                    + "one broker, --kafka-port + N for N brokers)")
    Integer controllerPort;

    @Option(names = "--no-restart", description = "do not restart a process that dies; stop everything instead")
    boolean noRestart;

    @Option(names = "--ingest-port", defaultValue = "8081", description = "(default: ${DEFAULT-VALUE})")
    int ingestPort;

    @Option(names = "--enrich-port", defaultValue = "8082", description = "(default: ${DEFAULT-VALUE})")
    int enrichPort;

    @Option(names = "--store-port", defaultValue = "8083", description = "(default: ${DEFAULT-VALUE})")
    int storePort;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
            description = "instances of each service (default: ${DEFAULT-VALUE}); instance i of a service listens on "
                    + "its port + 3 * (i - 1): with the default ports ingest 8081, 8084, ..., enrich 8082, 8085, "
                    + "..., store 8083, 8086, ...")
    int instances;

    @Option(names = "--ingest-instances", paramLabel = "N", description = "instances of ingest (default: --instances)")
    Integer ingestInstances;

    @Option(names = "--enrich-instances", paramLabel = "N", description = "instances of enrich (default: --instances)")
    Integer enrichInstances;

    @Option(names = "--store-instances", paramLabel = "N", description = "instances of store (default: --instances)")
    Integer storeInstances;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "broker data, Streams state and logs (default: .pipeline/ in the repository)")
    Path workDir;

    @Option(names = "--no-samples", description = "do not push samples/articles/")
    boolean noSamples;

    private final List<AutoCloseable> running = new ArrayList<>();
    private Supervisor supervisor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LocalPipeline.Instances servicePorts;
        try {
            servicePorts = LocalPipeline.Instances.consecutive(
                    new LocalPipeline.Ports(ingestPort, enrichPort, storePort),
                    ingestInstances != null ? ingestInstances : instances,
                    enrichInstances != null ? enrichInstances : instances,
                    storeInstances != null ? storeInstances : instances);
            if (bootstrap == null) {
                checkPorts(controllerPort(), servicePorts);
            } else {
                checkDistinct(servicePorts.all());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        RepoLayout layout = RepoLayout.find();
        Path work = workDir != null ? workDir.toAbsolutePath() : layout.workDir();
        Thread hook = new Thread(this::stopAll, "pipeline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        String bootstrapServers = bootstrap;
        LocalCluster cluster = null;
        Map<String, String> serviceEnv = Map.of();
        if (bootstrapServers == null) {
            int controller = controllerPort();
            Path kafkaDir = work.resolve(brokers == 1 ? "kafka" : "kafka-" + brokers);
            say(out, "starting Kafka (KRaft, " + (brokers == 1 ? "one broker" : brokers + " brokers") + ") on "
                    + portRange(kafkaPort) + ", controller" + (brokers == 1 ? " " : "s ") + portRange(controller)
                    + ", data in " + kafkaDir);
            cluster = LocalCluster.start(layout.kafkaLibs(), kafkaDir, brokers, kafkaPort, controller,
                    work.resolve("logs"), List.of());
            register(cluster);
            bootstrapServers = cluster.bootstrapServers();
            Map<String, String> env = new java.util.HashMap<>();
            if (brokers > 1) {
                // The services' own topics and Kafka Streams' internal topics on every broker (up to 3).
                String replication = Integer.toString(Math.min(3, brokers));
                env.put("AQPARAT_TOPIC_REPLICATION", replication);
                env.put("KAFKA_STREAMS_DEFAULT_REPLICATION_FACTOR", replication);
            }
            keptPartitions(bootstrapServers).ifPresent(n -> {
                say(out, Topics.ARTICLES_RAW.name() + " in " + kafkaDir + " has " + n + " partitions (made before "
                        + TopicSettings.DEFAULT_PARTITIONS + " was the default): the services run with "
                        + "AQPARAT_TOPIC_PARTITIONS=" + n + "; delete " + kafkaDir + " to start over with "
                        + TopicSettings.DEFAULT_PARTITIONS);
                env.put("AQPARAT_TOPIC_PARTITIONS", Integer.toString(n));
            });
            serviceEnv = Map.copyOf(env);
        }
        say(out, "starting " + describe(servicePorts) + " (logs in " + work.resolve("logs") + ")");
        LocalPipeline pipeline = LocalPipeline.start(layout, bootstrapServers, servicePorts, work, serviceEnv,
                HEALTH_TIMEOUT);
        register(pipeline);
        if (!noRestart) {
            synchronized (this) {
                if (!stopping) {
                    supervisor = new Supervisor(work.resolve("logs").resolve("supervisor.log"), out,
                            RestartBackoff::standard);
                    if (cluster != null) {
                        cluster.brokers().forEach(b -> supervisor.watch(Supervisor.of(b)));
                    }
                    pipeline.services().forEach(s -> supervisor.watch(Supervisor.of(s)));
                }
            }
        }

        if (!noSamples) {
            pushSamples(out, layout, pipeline);
        }
        printUrls(out, bootstrapServers, pipeline);
        return awaitStop(out, pipeline);
    }

    /**
     * The partition count of {@code articles.raw} on the local broker's kept data, when it is not the default and
     * {@code AQPARAT_TOPIC_PARTITIONS} is not set: the services would refuse to start on it (partitions cannot be
     * changed), and local data is the operator's own to keep or delete.
     */
    private static java.util.Optional<Integer> keptPartitions(String bootstrapServers) throws Exception {
        if (System.getenv("AQPARAT_TOPIC_PARTITIONS") != null) {
            return java.util.Optional.empty();
        }
        try (org.apache.kafka.clients.admin.Admin admin = kz.aqparat.cli.local.KafkaClients.admin(bootstrapServers,
                30_000)) {
            if (!admin.listTopics().names().get().contains(Topics.ARTICLES_RAW.name())) {
                return java.util.Optional.empty();
            }
            int n = admin.describeTopics(List.of(Topics.ARTICLES_RAW.name())).allTopicNames().get()
                    .get(Topics.ARTICLES_RAW.name()).partitions().size();
            return n == TopicSettings.DEFAULT_PARTITIONS ? java.util.Optional.empty() : java.util.Optional.of(n);
        }
    }

    private int controllerPort() {
        return controllerPort != null ? controllerPort : brokers == 1 ? 9093 : kafkaPort + brokers;
    }

    private void checkPorts(int controller, LocalPipeline.Instances servicePorts) {
        if (brokers < 1) {
            throw new IllegalArgumentException("--brokers must be at least 1, was " + brokers);
        }
        if (kafkaPort < controller + brokers && controller < kafkaPort + brokers) {
            throw new IllegalArgumentException("broker ports " + portRange(kafkaPort) + " and controller ports "
                    + portRange(controller) + " overlap; choose --controller-port");
        }
        List<Integer> all = new ArrayList<>(servicePorts.all());
        for (int i = 0; i < brokers; i++) {
            all.add(kafkaPort + i);
            all.add(controller + i);
        }
        checkDistinct(all);
    }

    /** Refuses two processes on one port (e.g. {@code --enrich-port} equal to the second ingest's port). */
    private static void checkDistinct(List<Integer> ports) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int port : ports) {
            if (!seen.add(port)) {
                throw new IllegalArgumentException("port " + port + " would be used twice (instance i of a service "
                        + "listens on its port + 3 * (i - 1)); choose other --*-port options");
            }
        }
    }

    /** E.g. {@code ingest-service :8081 :8084, enrich-service :8082 :8085, store-service :8083 :8086}. */
    private static String describe(LocalPipeline.Instances servicePorts) {
        List<String> parts = new ArrayList<>();
        for (String service : LocalPipeline.SERVICES) {
            StringBuilder part = new StringBuilder(service);
            servicePorts.of(service).forEach(port -> part.append(" :").append(port));
            parts.add(part.toString());
        }
        return String.join(", ", parts);
    }

    private String portRange(int first) {
        return brokers == 1 ? Integer.toString(first) : first + "-" + (first + brokers - 1);
    }

    private void pushSamples(PrintWriter out, RepoLayout layout, LocalPipeline pipeline) {
        ArticlePusher pusher = new ArticlePusher(pipeline.ingest().baseUri(), pipeline.apiKey());
        List<String> ids = new ArrayList<>();
        for (Path file : ArticlePusher.articleFiles(List.of(layout.samples()))) {
            for (ArticlePusher.Result r : pusher.push(file)) {
                if (!r.ok()) {
                    throw new IllegalStateException("ingest refused sample " + file + ": " + r.error());
                }
                say(out, "pushed " + file.getFileName() + "  " + r.id() + "  " + r.status());
                ids.add(r.id());
            }
        }
        awaitVisible(pipeline.store(), ids);
        say(out, ids.size() + " sample article(s) are in the store views");
    }

    /** Waits until store-service serves every article ({@code GET /api/articles/{id}} answers 200). */
    private static void awaitVisible(ServiceProcess store, List<String> ids) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(VISIBLE_TIMEOUT);
        List<String> missing = new ArrayList<>(ids);
        while (!missing.isEmpty()) {
            store.process().requireAlive();
            missing.removeIf(id -> {
                try {
                    return http.send(HttpRequest.newBuilder(store.baseUri().resolve("api/articles/" + id)).GET()
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            if (!missing.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("articles " + missing + " did not reach store-service within "
                        + VISIBLE_TIMEOUT + "; see .pipeline/logs/enrich-service.log and store-service.log");
            }
            if (!missing.isEmpty()) {
                sleepQuietly(500);
            }
        }
        // The views are aggregated downstream of the article store (through repartition topics): wait for them too.
        // Every article counts in exactly one timeline row, so the timeline's total covers at least these articles.
        while (timelineTotal(http, store) < ids.stream().distinct().count()) {
            store.process().requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the views of store-service did not count the samples within "
                        + VISIBLE_TIMEOUT + "; see .pipeline/logs/store-service.log");
            }
            sleepQuietly(500);
        }
    }

    private static long timelineTotal(HttpClient http, ServiceProcess store) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(store.baseUri()
                    .resolve("api/views/timeline")).GET().timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            return Json.mapper().readTree(response.body()).findValues("articleCount").stream()
                    .mapToLong(JsonNode::asLong).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private static void printUrls(PrintWriter out, String bootstrapServers, LocalPipeline pipeline) {
        URI ingest = pipeline.ingest().baseUri();
        URI store = pipeline.store().baseUri();
        out.println();
        out.println("Aqparat is running.");
        out.println("  dashboard      " + store);
        out.println("  push articles  POST " + ingest.resolve("api/articles") + "  (or ./pipeline push FILE|DIR)");
        for (ServiceProcess other : pipeline.instances(LocalPipeline.INGEST).subList(1,
                pipeline.instances(LocalPipeline.INGEST).size())) {
            out.println("                 POST " + other.baseUri().resolve("api/articles") + "  (" + other.name()
                    + "; ./pipeline push --url " + other.baseUri().toString().replaceAll("/$", "") + ")");
        }
        for (ServiceProcess other : pipeline.instances(LocalPipeline.STORE).subList(1,
                pipeline.instances(LocalPipeline.STORE).size())) {
            out.println("  dashboard      " + other.baseUri() + "  (" + other.name()
                    + ": any store instance answers for every article and view)");
        }
        out.println("  article        GET  " + store + "api/articles/{id}");
        out.println("  entities       GET  " + store.resolve("api/views/entities?type=PERSON&limit=20"));
        out.println("  regions        GET  " + store.resolve("api/views/regions"));
        out.println("  timeline       GET  " + store.resolve("api/views/timeline"));
        for (ServiceProcess service : pipeline.services()) {
            out.println("  " + pad(service.name()) + " " + service.baseUri().resolve("health") + "  "
                    + service.baseUri().resolve("prometheus"));
        }
        out.println("  kafka          " + bootstrapServers);
        out.println("  API key        Authorization: Bearer " + pipeline.apiKey()
                + "  (operator; kept in .pipeline/auth/keys, used by ./pipeline push)");
        out.println("  metrics and health details need that key; reads are open");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** Wide enough for {@code enrich-service-12}, so that the URLs of up to 12 instances line up. */
    private static String pad(String s) {
        return String.format("%-17s", s);
    }

    /**
     * Blocks until Ctrl-C (the shutdown hook stops everything); with {@code --no-restart} also until a child dies
     * on its own.
     */
    private int awaitStop(PrintWriter out, LocalPipeline pipeline) throws InterruptedException {
        if (supervisor != null) {
            stopped.await();
            return 0;
        }
        List<CompletableFuture<Process>> exits = new ArrayList<>();
        pipeline.services().forEach(s -> exits.add(s.process().process().onExit()));
        running.stream().filter(LocalCluster.class::isInstance).map(LocalCluster.class::cast)
                .flatMap(c -> c.brokers().stream()).forEach(b -> exits.add(b.process().process().onExit()));
        CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).thenRun(stopped::countDown);
        stopped.await();
        if (stopping) {
            // Ctrl-C: the shutdown hook is stopping everything; that is no failure.
            return 0;
        }
        for (ServiceProcess service : pipeline.services()) {
            if (!service.process().isAlive()) {
                spec.commandLine().getErr().println(service.name() + " stopped unexpectedly\n"
                        + service.process().logTail(40));
            }
        }
        return 1;
    }

    private synchronized void register(AutoCloseable closeable) {
        running.add(closeable);
    }

    /**
     * No more restarts, then the services, then the brokers, so that the services can commit and leave their groups
     * cleanly.
     */
    private synchronized void stopAll() {
        stopping = true;
        if (supervisor != null) {
            supervisor.stop();
        }
        System.err.println("stopping services and broker ...");
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            }
        }
        running.clear();
        // Anything started but not registered yet (Ctrl-C during start-up).
        ChildProcess.stopAllLive();
        System.err.println("stopped");
        stopped.countDown();
    }

    private static void say(PrintWriter out, String message) {
        out.println("==> " + message);
        out.flush();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
