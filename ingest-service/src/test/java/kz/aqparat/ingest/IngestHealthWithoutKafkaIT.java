package kz.aqparat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kz.aqparat.contracts.Json;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** /health answers within a second whatever Kafka's state: UP with the broker, 503 DOWN soon after it stopped. */
class IngestHealthWithoutKafkaIT {

    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(1);

    @Test
    void healthAnswersWithinASecondAfterTheBrokerStopped() throws Exception {
        KafkaBroker broker = KafkaBroker.inJvm();
        try (IngestClient ingest = IngestClient.start(broker.bootstrapServers(),
                Map.of("aqparat.kafka.health-interval", "1s"))) {
            ingest.awaitHealthy();
            JsonNode up = Json.mapper().readTree(ingest.get("/health").body());
            assertEquals("UP", up.at("/details/kafka/status").asText(), up.toString());

            broker.close();

            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                health = ingest.get("/health");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(ANSWER_LIMIT) < 0, "/health took " + took.toMillis() + " ms");
                if (health.statusCode() == 503) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(503, health.statusCode(), health.body());
            JsonNode down = Json.mapper().readTree(health.body());
            assertEquals("DOWN", down.get("status").asText(), health.body());
            assertEquals("DOWN", down.at("/details/kafka/status").asText(), health.body());
            assertTrue(down.at("/details/kafka/details/error").asText().contains(broker.bootstrapServers()),
                    health.body());

            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> again = ingest.get("/health");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(503, again.statusCode(), again.body());
                assertTrue(took.compareTo(ANSWER_LIMIT) < 0, "/health took " + took.toMillis() + " ms");
            }
        }
    }
}
