package kz.aqparat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import kz.aqparat.contracts.Json;
import kz.aqparat.service.http.InFlightBudget;
import kz.aqparat.service.http.InFlightFilter;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may write, from where, and how much at once: ingest-service over real HTTP on a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestAccessIT {

    private static final String JSON = "application/json";
    private static final String READER_KEY = "reader-key-for-tests-0001";

    private KafkaBroker broker;
    private IngestClient ingest;

    @BeforeAll
    void start() throws InterruptedException {
        broker = KafkaBroker.inJvm();
        ingest = IngestClient.start(broker.bootstrapServers(), Map.of(
                "aqparat.auth.keys", IngestClient.KEYS + ",reader:" + READER_KEY,
                "aqparat.http.max-in-flight-requests", 1));
        ingest.awaitHealthy();
    }

    @AfterAll
    void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static String article() {
        return "{\"url\":\"https://example.kz/" + UUID.randomUUID() + "\",\"text\":\"В Караганде открыли завод.\"}";
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) {
        return ingest.post("/api/articles", JSON, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = Json.mapper().readTree(response.body());
        assertEquals(status, body.path("status").asInt(), response.body());
        assertTrue(body.path("type").asText().startsWith("https://aqparat.kz/problems/"), response.body());
        assertFalse(body.path("detail").asText().isBlank(), response.body());
        return body;
    }

    @Test
    void aWriteWithoutAValidKeyIsRefusedAndNothingIsWritten() throws IOException {
        String body = article();
        HttpResponse<String> none = post(body, Map.of());
        problem(none, 401);
        assertEquals("Bearer realm=\"aqparat\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        problem(post(body, bearer("not-a-configured-key-at-all")), 401);
        problem(post(body, Map.of("Authorization", "Basic dXNlcjpwYXNz")), 401);
        problem(post(body, bearer(READER_KEY)), 403);
        problem(ingest.post("/api/articles/batch", "application/x-ndjson",
                (body + "\n").getBytes(StandardCharsets.UTF_8), Map.of()), 401);

        HttpResponse<String> writer = post(body, bearer(IngestClient.WRITER_KEY));
        assertEquals(202, writer.statusCode(), writer.body());
        String id = Json.mapper().readTree(writer.body()).path("id").asText();
        long copies = IngestClient.readRaw(broker.bootstrapServers()).stream().filter(r -> r.key().equals(id)).count();
        assertEquals(1, copies, "only the accepted write reached articles.raw");
        assertEquals(202, post(article(), bearer(IngestClient.OPERATOR_KEY)).statusCode(), "an operator may write");
    }

    @Test
    void deletesNeedTheOperatorRole() throws IOException {
        HttpResponse<String> asWriter = ingest.send("DELETE", "/api/articles/abc", bearer(IngestClient.WRITER_KEY));
        problem(asWriter, 403);
        HttpResponse<String> anonymous = ingest.send("DELETE", "/api/articles/abc", Map.of());
        problem(anonymous, 401);
        problem(ingest.send("DELETE", "/api/articles/abc", bearer(READER_KEY)), 403);
    }

    @Test
    void anOperatorDeletesAKnownArticleByATombstoneOnArticlesRawAndAnUnknownIdIs404() throws IOException {
        String url = "https://example.kz/deleted/" + UUID.randomUUID();
        String original = "{\"url\":\"" + url + "\",\"text\":\"В Караганде открыли завод.\"}";
        HttpResponse<String> written = post(original, bearer(IngestClient.WRITER_KEY));
        assertEquals(202, written.statusCode(), written.body());
        String id = Json.mapper().readTree(written.body()).path("id").asText();

        problem(ingest.send("DELETE", "/api/articles/" + id, bearer(IngestClient.WRITER_KEY)), 403);
        JsonNode unknown = problem(ingest.send("DELETE", "/api/articles/never-seen-id",
                bearer(IngestClient.OPERATOR_KEY)), 404);
        assertEquals("https://aqparat.kz/problems/not-found", unknown.path("type").asText());

        HttpResponse<String> deleted = ingest.send("DELETE", "/api/articles/" + id, bearer(IngestClient.OPERATOR_KEY));
        assertEquals(202, deleted.statusCode(), deleted.body());
        JsonNode answer = Json.mapper().readTree(deleted.body());
        assertEquals(id, answer.path("id").asText());
        assertTrue(answer.path("deleted").asBoolean(), deleted.body());
        // durable before the answer: the tombstone is in articles.raw at the offset the answer gives
        var records = IngestClient.readRaw(broker.bootstrapServers()).stream().filter(r -> r.key().equals(id)).toList();
        assertEquals(2, records.size(), "the article and one tombstone (none for the writer's attempt)");
        assertEquals(null, records.get(1).value());
        assertEquals(answer.path("sourceVersion").asLong(), records.get(1).offset());
        assertTrue(records.get(1).offset() > records.get(0).offset());

        // the text seen before is still known (a feed re-sending it does not undo the delete); a new text is stored
        HttpResponse<String> resent = post(original, bearer(IngestClient.WRITER_KEY));
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals("duplicate", Json.mapper().readTree(resent.body()).path("status").asText());
        HttpResponse<String> corrected = post(original.replace("завод", "новый завод"),
                bearer(IngestClient.WRITER_KEY));
        assertEquals(202, corrected.statusCode(), corrected.body());
        assertEquals(3, IngestClient.readRaw(broker.bootstrapServers()).stream().filter(r -> r.key().equals(id))
                .count());
        assertTrue(ingest.send("GET", "/prometheus", bearer(IngestClient.OPERATOR_KEY)).body()
                .contains("aqparat_ingest_deletes_total 1.0"));
    }

    @Test
    void aWriteFromAnotherOriginsPageIsRefusedEvenFromLocalhost() throws IOException {
        Map<String, String> foreign = Map.of("Authorization", "Bearer " + IngestClient.WRITER_KEY,
                "Origin", "http://localhost:8083");
        JsonNode refused = problem(post(article(), foreign), 403);
        assertTrue(refused.path("type").asText().endsWith("/cross-origin-refused"), refused.toString());
        problem(post(article(), Map.of("Authorization", "Bearer " + IngestClient.WRITER_KEY,
                "Sec-Fetch-Site", "same-site")), 403);

        EmbeddedServer server = ingest.context().getBean(EmbeddedServer.class);
        Map<String, String> sameOrigin = Map.of("Authorization", "Bearer " + IngestClient.WRITER_KEY,
                "Origin", "http://localhost:" + server.getPort());
        assertEquals(202, post(article(), sameOrigin).statusCode(), "the service's own origin may write");
    }

    @Test
    void answersAreNotSniffable() {
        HttpResponse<String> accepted = post(article(), bearer(IngestClient.WRITER_KEY));
        assertEquals("nosniff", accepted.headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpResponse<String> refused = post(article(), Map.of());
        assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void healthDetailsAndMetricsAreForOperatorsOnly() throws IOException {
        HttpResponse<String> open = ingest.get("/health", Map.of());
        assertEquals(200, open.statusCode(), open.body());
        JsonNode status = Json.mapper().readTree(open.body());
        assertEquals("UP", status.path("status").asText());
        assertTrue(status.path("details").isMissingNode(), "no details without a key: " + open.body());

        HttpResponse<String> detailed = ingest.get("/health", bearer(IngestClient.OPERATOR_KEY));
        assertTrue(Json.mapper().readTree(detailed.body()).has("details"), detailed.body());

        problem(ingest.get("/prometheus", Map.of()), 401);
        problem(ingest.get("/prometheus", bearer(IngestClient.WRITER_KEY)), 403);
        HttpResponse<String> metrics = ingest.get("/prometheus", bearer(IngestClient.OPERATOR_KEY));
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "Prometheus text");
    }

    /** One body is held open (max-in-flight-requests = 1): the next write is answered 503 at once, not queued. */
    @Test
    void requestBodiesOverTheInFlightBudgetGet503WithRetryAfter() throws Exception {
        EmbeddedServer server = ingest.context().getBean(EmbeddedServer.class);
        try (Socket slow = new Socket("localhost", server.getPort())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + IngestClient.WRITER_KEY + "\r\nContent-Length: 100000\r\n\r\n{\"text\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InFlightBudget budget = ingest.context().getBean(InFlightFilter.class).budget();
            for (int i = 0; i < 100 && budget.requestsInFlight() == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(1, budget.requestsInFlight(), "the held request holds the budget");
            HttpResponse<String> busy = null;
            for (int i = 0; i < 50; i++) {
                busy = post(article(), bearer(IngestClient.WRITER_KEY));
                if (busy.statusCode() == 503) {
                    break;
                }
                Thread.sleep(100);
            }
            if (busy.statusCode() != 503) {
                slow.setSoTimeout(2000);
                byte[] buf = new byte[4096];
                int n = slow.getInputStream().read(buf);
                throw new AssertionError("the held request was answered: " + (n < 0 ? "EOF" : new String(buf, 0, n)));
            }
            problem(busy, 503);
            assertTrue(busy.headers().firstValue("Retry-After").isPresent(), "503 says when to retry");
            slow.close();
        }
        HttpResponse<String> after = null;
        for (int i = 0; i < 50; i++) {
            after = post(article(), bearer(IngestClient.WRITER_KEY));
            if (after.statusCode() == 202) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(202, after.statusCode(), "the budget is given back when the held request ends: " + after.body());
    }
}
