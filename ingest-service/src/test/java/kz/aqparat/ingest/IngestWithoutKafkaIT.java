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

/** With its broker stopped, ingest-service answers 503 with a problem body and Retry-After, and /health is DOWN. */
class IngestWithoutKafkaIT {

    @Test
    void answers503WhenKafkaIsGone() throws Exception {
        KafkaBroker broker = KafkaBroker.inJvm();
        try (IngestClient ingest = IngestClient.start(broker.bootstrapServers(),
                Map.of("aqparat.ingest.send-timeout", "6s", "aqparat.ingest.retry-after-seconds", 7))) {
            ingest.awaitHealthy();
            HttpResponse<String> before = ingest.post("/api/articles", "application/json",
                    "{\"text\": \"Статья до остановки брокера.\"}");
            assertEquals(202, before.statusCode(), before.body());

            broker.close();

            HttpResponse<String> after = ingest.post("/api/articles", "application/json",
                    "{\"text\": \"Статья после остановки брокера.\"}");
            assertEquals(503, after.statusCode(), after.body());
            assertEquals("7", after.headers().firstValue("Retry-After").orElse(null));
            assertTrue(after.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode problem = Json.mapper().readTree(after.body());
            assertEquals(503, problem.get("status").asInt());

            HttpResponse<String> batch = ingest.post("/api/articles/batch", "application/x-ndjson",
                    "{\"text\": \"Ещё одна статья.\"}\n");
            assertEquals(503, batch.statusCode(), batch.body());

            // The kafka indicator reports its last background probe: DOWN within two probe intervals.
            HttpResponse<String> health = ingest.get("/health");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (health.statusCode() != 503 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                health = ingest.get("/health");
            }
            assertEquals(503, health.statusCode(), health.body());
        }
    }
}
