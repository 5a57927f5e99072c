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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, one combined broker and controller) run from Kafka's own jars as a child JVM,
 * {@code kafka.Kafka server.properties}, like {@code bin/kafka-server-start.sh} of a Kafka download does.
 *
 * <p>Its data lives in {@code dataDir}: the storage is formatted ({@code kafka.tools.StorageTool format}) only
 * the first time, with a cluster id kept in {@code dataDir/cluster.id}, so that a restart keeps every topic.
 */
public final class LocalBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ChildProcess process;
    private final String bootstrapServers;

    private LocalBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the storage if needed, starts the broker and waits until it answers.
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
        if (!Files.isDirectory(kafkaLibs)) {
            throw new IllegalStateException("Kafka's jars not found in " + kafkaLibs
                    + "; build them with `mvn -B -DskipTests package`");
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig(dataDir.toAbsolutePath(), port, controllerPort);
            Path log4j = dataDir.resolve("log4j2.properties");
            try (InputStream in = LocalBroker.class.getResourceAsStream("log4j2.properties")) {
                Files.write(log4j, in.readAllBytes());
            }
            String classpath = kafkaLibs.toAbsolutePath() + "/*";
            if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
                ChildProcess.runJava("kafka-storage-format",
                        List.of("-cp", classpath, "kafka.tools.StorageTool", "format",
                                "--cluster-id", clusterId(dataDir), "--config", config.toString()),
                        dataDir, dataDir.resolve("format.log"), Duration.ofMinutes(2));
            }
            // kafka-server-start.sh's own heap and GC settings
            List<String> javaArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
                    "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                    "-XX:+ExplicitGCInvokesConcurrent"));
            javaArgs.addAll(jvmOptions);
            javaArgs.addAll(List.of("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                    "-cp", classpath, "kafka.Kafka", config.toString()));
            ChildProcess broker = ChildProcess.startJava("kafka", javaArgs, Map.of(), dataDir, log);
            LocalBroker started = new LocalBroker(broker, "localhost:" + port);
            try {
                started.awaitReady();
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        String config = String.join("\n",
                "# Written by ./pipeline up on every start; edit the CLI options rather than this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data"),
                // One broker: every internal topic has one replica, and transactions (exactly_once_v2) need it.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=1",
                // Topics are created by the services (PipelineTopics) with their intended settings.
                "auto.create.topics.enable=false",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                process.requireAlive();
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still starting
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the Kafka broker did not become ready within " + READY_TIMEOUT
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

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
