package kz.aqparat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.JsonSerde;
import kz.aqparat.contracts.Topics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A real broker and store-service on a random port, with its own state directory and application id. */
final class RunningStore implements AutoCloseable {

    /** The secret advertised instances share (store instances refuse to start without one). */
    static final String CLUSTER_SECRET = "cluster-secret-for-tests-0001";
    /** Configured unless the test gives its own {@code aqparat.auth.keys}; {@link #get} sends it. */
    static final String OPERATOR_KEY = "operator-key-for-store-tests-0001";

    final KafkaBroker broker;
    final ApplicationContext context;
    final URI base;
    final String applicationId;
    private final boolean ownsBroker;
    private final Path stateDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<byte[], byte[]> producer;

    /** One instance on its own new broker. */
    RunningStore() throws IOException {
        this(KafkaBroker.inJvm(), true, "store-it-" + UUID.randomUUID(), false);
    }

    /**
     * An instance on {@code broker}; with {@code advertised} it tells the other instances of the same
     * application id its HTTP address ({@code application.server}) so that they can query it.
     */
    RunningStore(KafkaBroker broker, boolean ownsBroker, String applicationId, boolean advertised)
            throws IOException {
        this(broker, ownsBroker, applicationId, advertised, Map.of());
    }

    RunningStore(KafkaBroker broker, boolean ownsBroker, String applicationId, boolean advertised,
                 Map<String, Object> extra) throws IOException {
        this.broker = broker;
        this.ownsBroker = ownsBroker;
        this.applicationId = applicationId;
        stateDir = Files.createTempDirectory("store-it-state");
        Map<String, Object> config = new HashMap<>();
        if (advertised) {
            int port = freePort();
            config.put("micronaut.server.port", port);
            config.put("kafka.streams.default.application.server", "localhost:" + port);
            config.put("aqparat.cluster.secret", CLUSTER_SECRET);
        } else {
            config.put("micronaut.server.port", -1);
        }
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("kafka.streams.default.state.dir", stateDir.toString());
        config.put("kafka.streams.default.application.id", applicationId);
        config.put("aqparat.topic.partitions", 3);
        config.put("aqparat.auth.keys", "operator:" + OPERATOR_KEY);
        config.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config);
        context = server.getApplicationContext();
        base = server.getURI();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        await(Duration.ofSeconds(90), "store-service healthy", () -> get("/health").statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void produce(List<EnrichedArticle> articles) {
        JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
        for (EnrichedArticle article : articles) {
            produceBytes(article.id(), serde.serializer().serialize(Topics.ARTICLES_ENRICHED.name(), article));
        }
    }

    /** Sends all the articles before waiting for any acknowledgement, so that they arrive close together. */
    void produceBurst(List<EnrichedArticle> articles) {
        JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (EnrichedArticle article : articles) {
            sent.add(producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(),
                    article.id().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    serde.serializer().serialize(Topics.ARTICLES_ENRICHED.name(), article))));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    void produceBytes(String key, byte[] value) {
        produceBytes(Topics.ARTICLES_ENRICHED.name(), key, value);
    }

    void produceBytes(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record on {@code articles.enriched} (a null value is a tombstone), with headers (name, value, ...). */
    void produceRecord(String key, byte[] value, String... headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(),
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** {@code method path} with the given headers (name, value, ...) and an empty body. */
    HttpResponse<String> request(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // As a peer and an operator would: the tests also read each instance's local part (scope=local).
            return http.send(request.timeout(Duration.ofSeconds(30))
                    .header(kz.aqparat.store.security.ClusterSecret.HEADER, CLUSTER_SECRET)
                    .header("Authorization", "Bearer " + OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET path}, which must answer 200, read as JSON. */
    <T> T getJson(String path, TypeReference<T> type) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    /** {@code GET path}, which must answer 200, as a JSON tree. */
    com.fasterxml.jackson.databind.JsonNode getJsonNode(String path) {
        return getJson(path, new TypeReference<com.fasterxml.jackson.databind.JsonNode>() { });
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                // not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        producer.close();
        context.close();
        if (ownsBroker) {
            broker.close();
        }
    }
}
