package kz.aqparat.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import kz.aqparat.contracts.Json;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health of a Kafka Streams service answers within a second whatever Kafka's state: UP while its Streams run
 * against the broker, 503 DOWN (kafka DOWN) soon after the broker stopped, never waiting for the broker.
 */
class EnrichHealthWithoutKafkaIT {

    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    @Test
    void healthAnswersWithinASecondAfterTheBrokerStopped() throws Exception {
        KafkaBroker broker = KafkaBroker.inJvm();
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                // metrics and health details without a key: this test is about enrichment, not access
                "aqparat.auth.public-management", true,
                "micronaut.server.port", -1,
                "kafka.streams.default.state.dir", stateDir.toString(),
                "kafka.streams.default.application.id", "enrich-health-it-" + UUID.randomUUID(),
                "aqparat.topic.partitions", 1,
                "aqparat.kafka.health-interval", "1s"))) {
            URI health = context.getBean(EmbeddedServer.class).start().getURI().resolve("/health");
            HttpResponse<String> answer = get(health);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                answer = get(health);
            }
            assertEquals(200, answer.statusCode(), "never healthy: " + answer.body());
            assertEquals("RUNNING", Json.mapper().readTree(answer.body())
                    .at("/details/kafkaStreamsRunning/details/default").asText(), answer.body());

            broker.close();

            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                Thread.sleep(200);
                answer = timedGet(health);
            } while (answer.statusCode() != 503 && System.nanoTime() < deadline);
            assertEquals(503, answer.statusCode(), answer.body());
            JsonNode down = Json.mapper().readTree(answer.body());
            assertEquals("DOWN", down.at("/details/kafka/status").asText(), answer.body());
            for (int i = 0; i < 5; i++) {
                assertEquals(503, timedGet(health).statusCode());
            }
        }
    }

    private static HttpResponse<String> timedGet(URI uri) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = get(uri);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(ANSWER_LIMIT) < 0, "/health took " + took.toMillis() + " ms: " + answer.body());
        return answer;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
