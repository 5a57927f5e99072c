package kz.aqparat.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.Json;

/**
 * One of the pipeline's services ({@code java -jar <service>-all.jar}) run as a child process, configured the way
 * the README documents: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MICRONAUT_SERVER_PORT},
 * {@code KAFKA_STREAMS_DEFAULT_STATE_DIR}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Serial GC: the least CPU per collected byte on a heap this size, and no concurrent GC threads competing with
     * four other JVMs for two cores. A 512 MB initial heap gives a young generation of ~170 MB from the start:
     * with the 21 MB that -Xms64m gave, store-service collected several times a second under load (125 young
     * collections, 4.6 s of pauses in a 100 s bench run).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx1g", "-XX:+UseSerialGC");

    private final String name;
    private final List<String> javaArgs;
    private final Map<String, String> env;
    private final Path jar;
    private final Path log;
    private final int port;
    private volatile ChildProcess process;

    private ServiceProcess(String name, List<String> javaArgs, Map<String, String> env, Path jar, Path log,
                           int port) {
        this.name = name;
        this.javaArgs = List.copyOf(javaArgs);
        this.env = Map.copyOf(env);
        this.jar = jar;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service; does not wait for it (see {@link #awaitHealthy(Duration)}).
     *
     * @param extraEnv more environment, e.g. {@code AQPARAT_TOPIC_PARTITIONS}
     */
    public static ServiceProcess start(String name, Path jar, String bootstrapServers, int port, Path stateDir,
                                       Path log, Map<String, String> extraEnv) {
        RepoLayout.requireFile(jar, "the runnable jar of " + name);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_STREAMS_DEFAULT_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.putAll(extraEnv);
        List<String> javaArgs = new ArrayList<>(JVM_OPTIONS);
        javaArgs.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ServiceProcess service = new ServiceProcess(name, javaArgs, env, jar, log, port);
        service.process = ChildProcess.startJava(name, javaArgs, env, jar.getParent(), log);
        return service;
    }

    /** Starts the service again with the same settings (after it exited or was killed); does not wait for it. */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        process = ChildProcess.startJava(name, javaArgs, env, jar.getParent(), log, true);
    }

    /** SIGKILL, as a crash would end it. */
    public void kill() {
        process.kill();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public ChildProcess process() {
        return process;
    }

    /** Waits until {@code GET /health} says UP (its Kafka Streams are RUNNING); fails with the log tail if the
     *  process dies or the time runs out. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (true) {
            process.requireAlive();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUri().resolve("health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && isUp(response.body())) {
                    return;
                }
            } catch (Exception e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name() + " did not become healthy on port " + port + " within "
                        + timeout + " (last /health: " + last + ")\n" + process.logTail(40));
            }
            LocalBroker.sleep(500);
        }
    }

    private static boolean isUp(String body) {
        try {
            JsonNode status = Json.mapper().readTree(body).path("status");
            return "UP".equals(status.asText());
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
