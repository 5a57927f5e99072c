package kz.aqparat.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.cli.local.ServiceProcess;
import kz.aqparat.contracts.Json;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services' runnable jars against a broker that requires SASL/PLAIN authentication, configured only by
 * the documented {@code KAFKA_*} environment variables: with the right password an article POSTed to ingest is
 * enriched and served by store; with a wrong one each service stops at start-up with a message that names the
 * refused authentication, instead of hanging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaE2EIT {

    private static final String USER = "aqparat-pipeline";
    private static final String PASSWORD = "pipeline-secret";
    private static final String WRITER_KEY = "secured-kafka-it-writer-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> SERVICES = List.of(LocalPipeline.INGEST, LocalPipeline.ENRICH,
            LocalPipeline.STORE);

    private final HttpClient http = HttpClient.newHttpClient();
    private final RepoLayout layout = RepoLayout.find();
    private final List<ServiceProcess> started = new ArrayList<>();
    private KafkaBroker broker;

    @TempDir
    Path workDir;

    @BeforeAll
    void startBroker() {
        broker = KafkaBroker.inJvmWithSasl(USER, PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        started.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void withAWrongPasswordEachServiceStopsAtStartUpNamingTheRefusedAuthentication() throws Exception {
        List<ServiceProcess> services = new ArrayList<>();
        long start = System.nanoTime();
        for (String name : SERVICES) {
            services.add(start(name, "wrong-" + name, KafkaBroker.plainJaasConfig(USER, "not-the-password")));
        }
        for (ServiceProcess service : services) {
            boolean exited = service.process().process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String log = service.process().logTail(200);
            assertTrue(exited, service.name() + " still runs " + TIMEOUT + " after start with a wrong password:\n"
                    + log);
            assertTrue(service.process().process().exitValue() != 0, service.name() + " exited 0:\n" + log);
            assertTrue(log.contains("refused authentication") && log.contains("Invalid username or password"),
                    service.name() + " did not say why it stopped:\n" + log);
            System.out.printf("%s stopped within %d s of start: %s%n", service.name(),
                    Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                    log.lines().filter(line -> line.contains("refused authentication")).findFirst().orElseThrow());
        }
    }

    @Test
    void withTheRightPasswordAnArticleIsEnrichedAndStored() throws Exception {
        Map<String, ServiceProcess> services = new HashMap<>();
        for (String name : SERVICES) {
            services.put(name, start(name, "right-" + name, KafkaBroker.plainJaasConfig(USER, PASSWORD)));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(TIMEOUT);
        }
        String text = "В Астане 12 марта прошло заседание правительства Республики Казахстан.";
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(services.get(LocalPipeline.INGEST).baseUri()
                                .resolve("api/articles"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Authorization", "Bearer " + WRITER_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(
                                Map.of("source", "it", "text", text)), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = Json.mapper().readTree(accepted.body()).get("id").asText();

        URI stored = services.get(LocalPipeline.STORE).baseUri().resolve("api/articles/" + id);
        HttpResponse<String> article = null;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            article = http.send(HttpRequest.newBuilder(stored).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (article.statusCode() == 200) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(200, article.statusCode(), "store never served " + id + ": " + article.body());
        JsonNode body = Json.mapper().readTree(article.body());
        assertEquals(text, body.get("text").asText());
        assertFalse(body.path("enrichment").isMissingNode(), article.body());
    }

    private ServiceProcess start(String name, String label, String jaasConfig) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", "PLAIN");
        env.put("KAFKA_SASL_JAAS_CONFIG", jaasConfig);
        env.put("AQPARAT_TOPIC_PARTITIONS", "1");
        env.put("AQPARAT_AUTH_KEYS", "writer:" + WRITER_KEY);
        ServiceProcess service = ServiceProcess.start(name, layout.serviceJar(name), broker.bootstrapServers(),
                FreePorts.next(), workDir.resolve("state").resolve(label), workDir.resolve("logs").resolve(label + ".log"),
                env);
        started.add(service);
        return service;
    }
}
