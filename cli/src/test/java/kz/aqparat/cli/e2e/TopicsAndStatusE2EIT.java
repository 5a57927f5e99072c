package kz.aqparat.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kz.aqparat.cli.Pipeline;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import kz.aqparat.service.kafka.KafkaClientProperties;
import kz.aqparat.service.kafka.PipelineTopics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The services' start-up check of existing topics and {@code ./pipeline status}, with the services' jars on an
 * in-JVM broker whose topics were created earlier with 2 partitions, {@code articles.raw} with a 7-day retention
 * (as the broker's default would have made it):
 * <ul>
 *     <li>with the default partition count (12) each service refuses to start, saying what to do;</li>
 *     <li>with {@code AQPARAT_TOPIC_PARTITIONS=2} they run, and the retention shows in {@code /health} details;</li>
 *     <li>{@code status --json} shows the topics, the groups' lag, freshness, a dead letter by stage, a replay in
 *     progress and the services; exit code 1 once a service is down, 3 once the broker is.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsAndStatusE2EIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();

    private final HttpClient http = HttpClient.newHttpClient();
    private final RepoLayout layout = RepoLayout.find();
    private final List<ServiceProcess> started = new ArrayList<>();
    private KafkaBroker broker;

    @TempDir
    Path workDir;

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.inJvm();
        new PipelineTopics(KafkaClientProperties.of(Map.of("bootstrap.servers", broker.bootstrapServers())), 2,
                (short) 1).ensureExist();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES_RAW.name()),
                    List.of(new AlterConfigOp(new ConfigEntry("retention.ms", Long.toString(SEVEN_DAYS_MS)),
                            AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stop() throws Exception {
        started.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void withAnotherPartitionCountEachServiceRefusesToStartAndSaysWhatToDo() throws Exception {
        List<ServiceProcess> services = new ArrayList<>();
        for (String name : List.of(LocalPipeline.INGEST, LocalPipeline.ENRICH, LocalPipeline.STORE)) {
            ServiceProcess service = ServiceProcess.start(name, layout.serviceJar(name), broker.bootstrapServers(),
                    FreePorts.next(), workDir.resolve("refused/state").resolve(name),
                    workDir.resolve("refused/logs").resolve(name + ".log"),
                    Map.of("AQPARAT_AUTH_KEYS", "operator:refused-test-operator-key"));
            started.add(service);
            services.add(service);
        }
        for (ServiceProcess service : services) {
            boolean exited = service.process().process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String log = service.process().logTail(200);
            assertTrue(exited, service.name() + " still runs on topics of 2 partitions:\n" + log);
            assertTrue(service.process().process().exitValue() != 0, service.name() + " exited 0:\n" + log);
            assertTrue(log.contains("articles.raw has 2 partitions, this pipeline expects 12")
                            && log.contains("Set AQPARAT_TOPIC_PARTITIONS=2"),
                    service.name() + " did not say why it stopped and what to do:\n" + log);
        }
    }

    @Test
    @Order(2)
    void withTheClustersPartitionCountTheServicesRunAndStatusShowsThePipeline() throws Exception {
        LocalPipeline pipeline = LocalPipeline.start(layout, broker.bootstrapServers(),
                new LocalPipeline.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next()),
                workDir.resolve("running"), Map.of("AQPARAT_TOPIC_PARTITIONS", "2"), TIMEOUT);
        started.addAll(pipeline.services());
        String key = pipeline.apiKey();

        // The retention of articles.raw is reported, not changed.
        JsonNode health = Json.mapper().readTree(get(pipeline.ingest().baseUri().resolve("/health"), key).body());
        JsonNode problems = health.path("details").path("pipelineTopics").path("details").path("problems");
        assertTrue(problems.toString().contains("articles.raw has retention.ms=" + SEVEN_DAYS_MS + " (7d)"),
                health.toPrettyString());
        assertTrue(pipeline.ingest().process().logTail(400).contains("articles.raw has retention.ms=" + SEVEN_DAYS_MS),
                "the retention problem is not in ingest's log");

        String id = post(pipeline.ingest().baseUri().resolve("/api/articles"), key,
                "В Астане 12 марта прошло заседание правительства Республики Казахстан.");
        produce(Topics.ARTICLES_RAW.name(), "poison-" + UUID.randomUUID(), "{not json");
        await("the article stored", () -> get(pipeline.store().baseUri().resolve("/api/articles/" + id), key)
                .statusCode() == 200);

        JsonNode status = awaitStatus(pipeline, key, 0, s -> s.path("deadLetters").path("lastHour").asLong() == 1
                && s.path("groups").findValues("lag").stream().allMatch(l -> l.asLong() == 0)
                && s.path("groups").size() == 2);
        assertTrue(status.path("broker").path("reachable").asBoolean(), status.toPrettyString());
        assertEquals(Topics.ALL.size(), status.path("topics").size());
        for (JsonNode topic : status.path("topics")) {
            assertEquals(2, topic.path("partitions").asInt(), topic.toString());
        }
        JsonNode raw = topic(status, "articles.raw");
        assertTrue(raw.path("offsets").asLong() >= 2, raw.toString());
        assertEquals(String.valueOf(SEVEN_DAYS_MS), raw.path("configs").path("retention.ms").asText());
        assertTrue(raw.path("problems").toString().contains("retention.ms=" + SEVEN_DAYS_MS), raw.toString());
        assertEquals("compact", topic(status, "articles.store").path("configs").path("cleanup.policy").asText());
        assertEquals(List.of("aqparat-enrich", "aqparat-enrich-replay", "aqparat-ingest-ids", "aqparat-store-v3"),
                status.path("groups").findValuesAsText("group"));
        assertTrue(status.path("freshness").path("newestRaw").isTextual(), status.path("freshness").toString());
        assertTrue(status.path("freshness").path("newestStore").isTextual(), status.path("freshness").toString());
        JsonNode stages = status.path("deadLetters").path("byStage");
        assertEquals(1, stages.size(), stages.toString());
        assertTrue(stages.fieldNames().next().startsWith("enrich."), stages.toString());
        assertEquals(1, stages.elements().next().path("lastDay").asLong());
        assertEquals(List.of("UP", "UP", "UP"), status.path("services").findValuesAsText("status"));
        assertEquals(0, status.path("replays").size());

        // A group assigned articles.replay that has not processed (nor committed) its three records yet.
        for (int i = 0; i < 3; i++) {
            produce(Topics.ARTICLES_REPLAY.name(), "replayed-" + i, "{}");
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        try (KafkaConsumer<byte[], byte[]> replayReader = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            replayReader.subscribe(List.of(Topics.ARTICLES_REPLAY.name()));
            await("replay-reader assigned", () -> {
                replayReader.poll(Duration.ofMillis(200));
                return !replayReader.assignment().isEmpty();
            });
            JsonNode replaying = awaitStatus(pipeline, key, 0, s -> s.path("replays").size() == 1);
            assertEquals("replay-reader", replaying.path("replays").get(0).path("group").asText());
            assertEquals(3, replaying.path("replays").get(0).path("left").asLong());
            StringWriter text = new StringWriter();
            assertEquals(0, status(pipeline, key, false, text));
            assertTrue(text.toString().contains("replay in progress: 3 left (replay-reader on articles.replay)"),
                    text.toString());
        }

        pipeline.store().close();
        JsonNode storeDown = awaitStatus(pipeline, key, 1, s -> true);
        assertEquals("UNREACHABLE", storeDown.path("services").get(2).path("status").asText());

        pipeline.close();
        broker.close();
        broker = null;
        StringWriter out = new StringWriter();
        assertEquals(3, status(pipeline, key, false, out), out.toString());
        assertTrue(out.toString().contains("UNREACHABLE"), out.toString());
    }

    private static JsonNode topic(JsonNode status, String name) {
        for (JsonNode topic : status.path("topics")) {
            if (topic.path("name").asText().equals(name)) {
                return topic;
            }
        }
        throw new AssertionError(name + " not in " + status.path("topics"));
    }

    private String bootstrapOrDead() {
        return broker != null ? broker.bootstrapServers() : "localhost:" + FreePorts.next();
    }

    private int status(LocalPipeline pipeline, String key, boolean json, StringWriter out) {
        List<String> args = new ArrayList<>(List.of("status", "--bootstrap", bootstrapOrDead(),
                "--ingest-url", pipeline.ingest().baseUri().toString(),
                "--enrich-url", pipeline.enrich().baseUri().toString(),
                "--store-url", pipeline.store().baseUri().toString(), "--key", key, "--timeout", "5"));
        if (json) {
            args.add("--json");
        }
        return new CommandLine(new Pipeline()).setOut(new PrintWriter(out)).execute(args.toArray(String[]::new));
    }

    /** Runs {@code status --json} until it exits with {@code code} and its figures pass {@code until}. */
    private JsonNode awaitStatus(LocalPipeline pipeline, String key, int code, Predicate<JsonNode> until)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            StringWriter out = new StringWriter();
            int exit = status(pipeline, key, true, out);
            last = "exit " + exit + ": " + out;
            if (exit == code) {
                JsonNode status = Json.mapper().readTree(out.toString());
                if (until.test(status)) {
                    return status;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("status never showed what was expected; last: " + last);
    }

    private void produce(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(URI uri, String key) {
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key).GET()
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String post(URI uri, String key, String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(
                        Map.of("source", "status-it", "text", text)), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body()).path("id").asText();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
