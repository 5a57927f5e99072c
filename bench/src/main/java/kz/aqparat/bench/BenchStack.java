package kz.aqparat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.LocalBroker;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;

/**
 * The pipeline under test: either started here like {@code ./pipeline up} does (a local KRaft broker and the
 * three services as child processes, on free ports, in a work directory of its own that is deleted afterwards),
 * or a running one given by its URLs and bootstrap servers.
 */
final class BenchStack implements AutoCloseable {

    /**
     * How to start a local stack.
     *
     * @param serviceJvmOptions per service name, JVM options (e.g. {@code -Dkafka.streams.default.K=V}), passed in
     *                          {@code JAVA_TOOL_OPTIONS} because the launcher's command line is the same for all
     * @param beforeServices    run with the broker's bootstrap servers once it is up and before any service starts
     *                          (the preload)
     * @param portsFrom         the first of consecutive ports to take (free ones), or null for random free ports
     */
    record Launch(Path workDir, boolean keep, Map<String, String> env, Map<String, List<String>> serviceJvmOptions,
                  Path jfrDir, BrokerStep beforeServices, Integer portsFrom) {
    }

    /** Something done on the broker before the services start. */
    interface BrokerStep {
        void run(String bootstrap) throws Exception;
    }

    private final String bootstrap;
    private final URI ingest;
    private final URI store;
    private final URI enrich;
    private final LocalBroker broker;
    private final List<ServiceProcess> services;
    private final Path workDir;
    private final boolean keep;
    /** Per service: seconds from its process' start to its first {@code /health} UP. */
    private final Map<String, Double> startupSeconds = new LinkedHashMap<>();

    private BenchStack(String bootstrap, URI ingest, URI enrich, URI store, LocalBroker broker,
                       List<ServiceProcess> services, Path workDir, boolean keep) {
        this.bootstrap = bootstrap;
        this.ingest = ingest;
        this.enrich = enrich;
        this.store = store;
        this.broker = broker;
        this.services = services;
        this.workDir = workDir;
        this.keep = keep;
    }

    static BenchStack running(String bootstrap, URI ingest, URI enrich, URI store) {
        return new BenchStack(bootstrap, ingest, enrich, store, null, List.of(), null, true);
    }

    static BenchStack start(RepoLayout layout, Launch launch, Duration healthTimeout) {
        Path work = launch.workDir().toAbsolutePath();
        List<String> brokerJvm = new ArrayList<>();
        if (launch.jfrDir() != null) {
            brokerJvm.add(flightRecording(launch.jfrDir(), "kafka"));
        }
        java.util.function.IntSupplier ports = launch.portsFrom() == null ? FreePorts::next
                : consecutiveFreePorts(launch.portsFrom());
        LocalBroker broker = LocalBroker.start(layout.kafkaLibs(), work.resolve("kafka"), ports.getAsInt(),
                ports.getAsInt(), work.resolve("logs").resolve("kafka.log"), brokerJvm);
        List<ServiceProcess> services = new ArrayList<>();
        BenchStack stack = new BenchStack(broker.bootstrapServers(), null, null, null, broker, services, work,
                launch.keep());
        try {
            if (launch.beforeServices() != null) {
                launch.beforeServices().run(broker.bootstrapServers());
            }
            List<Long> started = new ArrayList<>();
            for (String name : List.of(LocalPipeline.INGEST, LocalPipeline.ENRICH, LocalPipeline.STORE)) {
                Map<String, String> env = new HashMap<>(kz.aqparat.cli.local.ApiKeyFile.in(work).serviceEnv());
                env.putAll(launch.env());
                List<String> jvm = new ArrayList<>(launch.serviceJvmOptions().getOrDefault(name, List.of()));
                if (launch.jfrDir() != null) {
                    jvm.add(flightRecording(launch.jfrDir(), name));
                }
                if (!jvm.isEmpty()) {
                    env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvm));
                }
                started.add(System.nanoTime());
                services.add(ServiceProcess.start(name, layout.serviceJar(name), broker.bootstrapServers(),
                        ports.getAsInt(), work.resolve("state").resolve(name),
                        work.resolve("logs").resolve(name + ".log"), env));
            }
            // Side by side, so that each service's time is its own and not the wait for the one before it.
            List<CompletableFuture<Void>> healthy = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                ServiceProcess service = services.get(i);
                long at = started.get(i);
                healthy.add(CompletableFuture.runAsync(() -> {
                    service.awaitHealthy(healthTimeout);
                    double seconds = (System.nanoTime() - at) / 1e9;
                    synchronized (stack.startupSeconds) {
                        stack.startupSeconds.put(service.name(), seconds);
                    }
                }, runnable -> new Thread(runnable, "bench-await-" + service.name()).start()));
            }
            try {
                CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Per service name, seconds from the start of its process to its first /health UP; empty for a running stack. */
    Map<String, Double> startupSeconds() {
        synchronized (startupSeconds) {
            return Map.copyOf(startupSeconds);
        }
    }

    /** The local store-service's Kafka Streams state directory. */
    Path storeStateDir() {
        return workDir.resolve("state").resolve(LocalPipeline.STORE);
    }

    /** What {@link #restoreStoreFromChangelogs} measured. */
    record Restore(double seconds, double groupWaitSeconds) {
    }

    /**
     * Stops the local store-service, waits until its Streams application's group has no member left (a stopped
     * Streams member does not leave its group, so the coordinator waits out its {@code session.timeout.ms}, 45 s,
     * before handing its tasks to anyone), deletes its state directory, starts it again and returns the seconds from
     * that start to /health UP: Kafka Streams is RUNNING only once every task has restored its stores from the
     * changelogs (and {@code articles-by-id} from {@code articles.store}).
     */
    Restore restoreStoreFromChangelogs(String group, Duration timeout) {
        ServiceProcess store = services.get(2);
        store.close();
        long stopped = System.nanoTime();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                kz.aqparat.cli.kafka.KafkaClientSettings.forClient(bootstrap))) {
            long deadline = stopped + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && !admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS).get(group).members().isEmpty()) {
                Thread.sleep(500);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch group " + group, e);
        }
        double waited = (System.nanoTime() - stopped) / 1e9;
        deleteRecursively(storeStateDir());
        long start = System.nanoTime();
        store.restart();
        store.awaitHealthy(timeout);
        return new Restore((System.nanoTime() - start) / 1e9, waited);
    }

    private static java.util.function.IntSupplier consecutiveFreePorts(int from) {
        int[] next = {from};
        return () -> {
            for (int port = next[0]; port < from + 1000; port++) {
                try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                    socket.setReuseAddress(false);
                    socket.bind(new java.net.InetSocketAddress(port));
                    next[0] = port + 1;
                    return port;
                } catch (IOException taken) {
                    // try the next one
                }
            }
            throw new IllegalStateException("no free port in " + from + ".." + (from + 999));
        };
    }

    private static String flightRecording(Path dir, String name) {
        try {
            Path jfr = dir.toAbsolutePath();
            Files.createDirectories(jfr);
            return "-XX:StartFlightRecording=settings=profile,filename=" + jfr.resolve(name + ".jfr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isLocal() {
        return broker != null;
    }

    String bootstrap() {
        return bootstrap;
    }

    /** The key for writes and metrics: the local stack's own, else $AQPARAT_API_KEY or ./pipeline up's. */
    String apiKey() {
        if (isLocal()) {
            return kz.aqparat.cli.local.ApiKeyFile.in(workDir).requireOperatorKey();
        }
        return kz.aqparat.cli.local.ApiKeyFile.resolveInRepository(null).orElse(null);
    }

    URI ingest() {
        return isLocal() ? services.get(0).baseUri() : ingest;
    }

    URI enrich() {
        return isLocal() ? services.get(1).baseUri() : enrich;
    }

    URI store() {
        return isLocal() ? services.get(2).baseUri() : store;
    }

    /** Process name to pid, for the local stack. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            pids.put(service.name(), service.process().pid());
        }
        if (broker != null) {
            pids.put("kafka", broker.process().pid());
        }
        return pids;
    }

    Path workDir() {
        return workDir;
    }

    /** Fails with the log tail of a service that died. */
    void requireAlive() {
        services.forEach(s -> s.process().requireAlive());
    }

    @Override
    public void close() {
        services.forEach(s -> s.process().requestStop());
        services.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        if (workDir != null && !keep) {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

}
