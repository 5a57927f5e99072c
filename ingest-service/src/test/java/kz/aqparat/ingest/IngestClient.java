package kz.aqparat.ingest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Starts ingest-service on a free port against a broker and talks to it over real HTTP. */
final class IngestClient implements AutoCloseable {

    static final String WRITER_KEY = "writer-key-for-tests-0001";
    static final String OPERATOR_KEY = "operator-key-for-tests-0001";
    /** What {@link #start} configures unless {@code aqparat.auth.keys} is given. */
    static final String KEYS = "writer:" + WRITER_KEY + ",operator:" + OPERATOR_KEY;

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestClient(EmbeddedServer server) {
        this.server = server;
    }

    static IngestClient start(String bootstrapServers, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "kafka.bootstrap.servers", bootstrapServers,
                "aqparat.topic.partitions", 3,
                "aqparat.topic.replication", 1,
                "aqparat.auth.keys", KEYS));
        props.putAll(extra);
        // Each service its own id index state unless the test keeps one across a restart (a warm start).
        props.putIfAbsent("kafka.streams.default.state.dir", tempDirectory());
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
        return new IngestClient(server);
    }

    static String tempDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("ingest-streams").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return post(path, contentType, body, Map.of("Authorization", "Bearer " + WRITER_KEY));
    }

    /** A POST with exactly these headers (no key unless given). */
    HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return sendExactly(request);
    }

    /** A GET with exactly these headers (no key unless given). */
    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return sendExactly(request);
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the same POST {@code times} times at once and returns the answers. */
    List<HttpResponse<String>> postConcurrently(String path, String contentType, String body, int times) {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                            .header("Authorization", "Bearer " + WRITER_KEY)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        return calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Any method without a body, with exactly these headers. */
    HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return sendExactly(request);
    }

    URI uri(String path) {
        return server.getURI().resolve(path);
    }

    /**
     * Sends a request with the operator key (which may also write), so that a test of what happens after the
     * access check (404, 405, health details, metrics) gets there.
     */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return sendExactly(request.header("Authorization", "Bearer " + OPERATOR_KEY));
    }

    private HttpResponse<String> sendExactly(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until /health answers 200 (Kafka reachable, id view loaded). */
    void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/health");
            if (last.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ingest-service never became healthy: " + (last == null ? "" : last.body()));
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    /** Every record in articles.raw, read from the beginning with a real consumer. */
    static List<ConsumerRecord<String, RawArticle>> readRaw(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new JsonSerde<>(RawArticle.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return records;
        }
    }
}
