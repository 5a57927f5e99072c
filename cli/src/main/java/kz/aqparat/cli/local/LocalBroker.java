package kz.aqparat.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, combined broker and controller) run from Kafka's own jars as a child JVM,
 * {@code kafka.Kafka server.properties}, like {@code bin/kafka-server-start.sh} of a Kafka download does. Alone it
 * is node 1 of a one-node cluster; in a {@link LocalCluster} it is one voter of the controller quorum.
 *
 * <p>Its data lives in {@code dataDir}: the storage is formatted ({@code kafka.tools.StorageTool format}) only
 * the first time, with the cluster's id kept in a file, so that a restart keeps every topic. It can be killed and
 * started again on the same data ({@link #kill()}, {@link #restart()}).
 */
public final class LocalBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** kafka-server-start.sh's own heap and GC settings. */
    private static final List<String> GC_OPTIONS = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent");

    /**
     * Where one node listens and who its fellow voters are.
     *
     * @param voters      {@code controller.quorum.voters}, e.g. {@code 1@localhost:9093}
     * @param clusterSize how many brokers the cluster has: replication factors and min.insync.replicas follow
     */
    public record Node(int nodeId, int port, int controllerPort, String voters, int clusterSize) {

        public static Node single(int port, int controllerPort) {
            return new Node(1, port, controllerPort, "1@localhost:" + controllerPort, 1);
        }
    }

    private final Path kafkaLibs;
    private final Path dataDir;
    private final Path clusterIdFile;
    private final Node node;
    private final Path log;
    private final List<String> jvmOptions;
    private volatile ChildProcess process;

    private LocalBroker(Path kafkaLibs, Path dataDir, Path clusterIdFile, Node node, Path log,
                        List<String> jvmOptions) {
        this.kafkaLibs = kafkaLibs;
        this.dataDir = dataDir;
        this.clusterIdFile = clusterIdFile;
        this.node = node;
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Formats the storage if needed, starts a one-node cluster and waits until it answers.
     *
     * @param kafkaLibs      directory of Kafka's jars (see {@link RepoLayout#kafkaLibs()})
     * @param dataDir        broker home: config, cluster id and log directory
     * @param log            where the broker's output goes
     */
    public static LocalBroker start(Path kafkaLibs, Path dataDir, int port, int controllerPort, Path log) {
        return start(kafkaLibs, dataDir, port, controllerPort, log, List.of());
    }

    /** As {@link #start(Path, Path, int, int, Path)}, with more JVM options for the broker (e.g. a profiler). */
    public static LocalBroker start(Path kafkaLibs, Path dataDir, int port, int controllerPort, Path log,
                                    List<String> jvmOptions) {
        LocalBroker broker = prepare(kafkaLibs, dataDir, dataDir.resolve("cluster.id"),
                Node.single(port, controllerPort), log, jvmOptions);
        broker.launch(false);
        try {
            broker.awaitReady(1);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** Writes the config and formats the storage when new; does not start the process. */
    static LocalBroker prepare(Path kafkaLibs, Path dataDir, Path clusterIdFile, Node node, Path log,
                               List<String> jvmOptions) {
        if (!Files.isDirectory(kafkaLibs)) {
            throw new IllegalStateException("Kafka's jars not found in " + kafkaLibs
                    + "; build them with `mvn -B -DskipTests package`");
        }
        LocalBroker broker = new LocalBroker(kafkaLibs, dataDir.toAbsolutePath(), clusterIdFile, node, log,
                jvmOptions);
        try {
            Files.createDirectories(dataDir);
            Path config = broker.writeConfig();
            Path log4j = dataDir.resolve("log4j2.properties");
            try (InputStream in = LocalBroker.class.getResourceAsStream("log4j2.properties")) {
                Files.write(log4j, in.readAllBytes());
            }
            if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
                ChildProcess.runJava("kafka-storage-format",
                        List.of("-cp", broker.classpath(), "kafka.tools.StorageTool", "format",
                                "--cluster-id", clusterId(clusterIdFile), "--config", config.toString()),
                        dataDir, dataDir.resolve("format.log"), Duration.ofMinutes(2));
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private String classpath() {
        return kafkaLibs.toAbsolutePath() + "/*";
    }

    /** Starts the broker process without waiting for it. */
    synchronized void launch(boolean appendLog) {
        // One broker keeps the 1 GB heap it always had; each of several shares the machine with the others.
        String heap = node.clusterSize() == 1 ? "1g" : "512m";
        List<String> javaArgs = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        javaArgs.addAll(GC_OPTIONS);
        javaArgs.addAll(jvmOptions);
        javaArgs.addAll(List.of("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                "-cp", classpath(), "kafka.Kafka", dataDir.resolve("server.properties").toString()));
        process = ChildProcess.startJava(name(), javaArgs, Map.of(), dataDir, log, appendLog);
    }

    private static String clusterId(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    private Path writeConfig() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by ./pipeline up on every start; edit the CLI options rather than this file.",
                "process.roles=broker,controller",
                "node.id=" + node.nodeId(),
                "controller.quorum.voters=" + node.voters(),
                "listeners=PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://localhost:" + node.controllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + node.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data")));
        if (node.clusterSize() == 1) {
            // One broker: every internal topic has one replica, and transactions (exactly_once_v2) need it.
            lines.addAll(List.of(
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1"));
        } else {
            // Every topic, internal ones included, on all brokers, and a write is acknowledged (acks=all) only
            // once two of them have it: one broker may die without losing an acknowledged record.
            int replication = Math.min(3, node.clusterSize());
            int minIsr = replication - 1;
            lines.addAll(List.of(
                    "default.replication.factor=" + replication,
                    "min.insync.replicas=" + minIsr,
                    "offsets.topic.replication.factor=" + replication,
                    "transaction.state.log.replication.factor=" + replication,
                    "transaction.state.log.min.isr=" + minIsr,
                    "share.coordinator.state.topic.replication.factor=" + replication,
                    "share.coordinator.state.topic.min.isr=" + minIsr,
                    "unclean.leader.election.enable=false"));
        }
        lines.addAll(List.of(
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=1",
                // Topics are created by the services (PipelineTopics) with their intended settings.
                "auto.create.topics.enable=false",
                ""));
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return file;
    }

    /** Waits until this broker answers and sees {@code expectedNodes} brokers in its cluster. */
    void awaitReady(int expectedNodes) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = KafkaClients.admin(bootstrapServers(), 5_000)) {
            while (true) {
                process.requireAlive();
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= expectedNodes) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still starting
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name() + " did not become ready within " + READY_TIMEOUT
                            + "\n" + process.logTail(40));
                }
                sleep(500);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code kafka} alone, {@code kafka-<node id>} in a cluster of several. */
    public String name() {
        return node.clusterSize() == 1 ? "kafka" : "kafka-" + node.nodeId();
    }

    public Node node() {
        return node;
    }

    public String bootstrapServers() {
        return "localhost:" + node.port();
    }

    public ChildProcess process() {
        return process;
    }

    /** SIGKILL: the broker dies as in a crash, without a controlled shutdown. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker again on the same data (after it exited or was killed); does not wait for it. */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name() + " is still running (pid " + process.pid() + ")");
        }
        launch(true);
    }

    @Override
    public void close() {
        process.close();
    }
}
