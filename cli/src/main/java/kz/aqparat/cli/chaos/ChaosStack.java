package kz.aqparat.cli.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.LocalBroker;
import kz.aqparat.cli.local.LocalCluster;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;

/**
 * The stack the crash tests break: three local brokers (each broker and controller, replication 3,
 * {@code min.insync.replicas=2}) and the three services as child processes, on free loopback ports, in a work
 * directory of its own. Each part can be killed with SIGKILL and started again on the same data and ports.
 */
final class ChaosStack implements AutoCloseable {

    static final int BROKERS = 3;
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);

    private final RepoLayout layout;
    private final Path workDir;
    private final Duration sendTimeout;
    private final String authKey;
    private final List<Integer> kafkaPorts = new ArrayList<>();
    private final List<Integer> controllerPorts = new ArrayList<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private LocalCluster cluster;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /**
     * @param portsFrom the first of the ports to take (the next free ones from it), or 0 for any free ports
     */
    ChaosStack(RepoLayout layout, Path workDir, Duration sendTimeout, int portsFrom) {
        this.layout = layout;
        this.workDir = workDir.toAbsolutePath();
        this.sendTimeout = sendTimeout;
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        this.authKey = HexFormat.of().formatHex(key);
        IntSupplier ports = portsFrom > 0 ? new FromPort(portsFrom) : FreePorts::next;
        for (int i = 0; i < BROKERS; i++) {
            kafkaPorts.add(ports.getAsInt());
            controllerPorts.add(ports.getAsInt());
        }
        for (String name : List.of(LocalPipeline.INGEST, LocalPipeline.ENRICH, LocalPipeline.STORE)) {
            servicePorts.put(name, ports.getAsInt());
        }
    }

    /** Starts the brokers, then the services, and waits until all are healthy. */
    void start() {
        cluster = LocalCluster.start(layout.kafkaLibs(), workDir.resolve("kafka-" + BROKERS), kafkaPorts,
                controllerPorts, workDir.resolve("logs"), List.of());
        services.clear();
        servicePorts.forEach((name, port) -> services.put(name, ServiceProcess.start(name, layout.serviceJar(name),
                cluster.bootstrapServers(), port, workDir.resolve("state").resolve(name),
                workDir.resolve("logs").resolve(name + ".log"), serviceEnv())));
        awaitServicesHealthy();
    }

    private Map<String, String> serviceEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AQPARAT_TOPIC_REPLICATION", Integer.toString(BROKERS));
        // As bench's default: the crash figures of docs/cli.md were measured on 3 partitions, and what chaos
        // tests (kills, restarts, outages) does not depend on the count. An AQPARAT_TOPIC_PARTITIONS of the
        // environment is inherited instead.
        if (System.getenv("AQPARAT_TOPIC_PARTITIONS") == null) {
            env.put("AQPARAT_TOPIC_PARTITIONS", "3");
        }
        env.put("KAFKA_STREAMS_DEFAULT_REPLICATION_FACTOR", Integer.toString(BROKERS));
        env.put("AQPARAT_INGEST_SEND_TIMEOUT", sendTimeout.toMillis() + "ms");
        env.put("AQPARAT_INGEST_RETRY_AFTER_SECONDS", "1");
        env.put("AQPARAT_AUTH_KEYS", "operator:" + authKey);
        return env;
    }

    void awaitServicesHealthy() {
        services.values().forEach(s -> s.awaitHealthy(HEALTH_TIMEOUT));
    }

    /** Stops everything in order, services first (SIGTERM, as an operator would), then the brokers. */
    void stop() {
        services.values().forEach(s -> s.process().requestStop());
        services.values().forEach(ServiceProcess::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    LocalBroker broker(int i) {
        return cluster.broker(i);
    }

    LocalCluster cluster() {
        return cluster;
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    URI ingest() {
        return services.get(LocalPipeline.INGEST).baseUri();
    }

    URI store() {
        return services.get(LocalPipeline.STORE).baseUri();
    }

    String authKey() {
        return authKey;
    }

    Duration sendTimeout() {
        return sendTimeout;
    }

    Path workDir() {
        return workDir;
    }

    /** Names of services whose process has exited. */
    List<String> deadServices() {
        return services.values().stream().filter(s -> !s.process().isAlive()).map(ServiceProcess::name).toList();
    }

    @Override
    public void close() {
        stop();
    }

    /** The next free port from a given one on, for a run kept within a range of ports. */
    private static final class FromPort implements IntSupplier {
        private int next;

        FromPort(int first) {
            this.next = first;
        }

        @Override
        public int getAsInt() {
            for (int tries = 0; tries < 100; tries++) {
                int port = next++;
                try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (java.io.IOException busy) {
                    // taken: try the next one
                }
            }
            throw new IllegalStateException("no free port from " + (next - 100) + " to " + next);
        }
    }
}
