package kz.aqparat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import kz.aqparat.contracts.Json;
import kz.aqparat.store.security.ClusterSecret;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What store-service lets an outsider do, over real HTTP: the dashboard's Content-Security-Policy, a bounded
 * number of live streams, the cluster secret on requests for an instance's local part, operator-only metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreAccessIT {

    private static final String OPERATOR_KEY = "operator-key-for-store-tests";

    private RunningStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws IOException {
        store = new RunningStore(KafkaBroker.inJvm(), true, "store-access-it-" + UUID.randomUUID(), true,
                Map.of("aqparat.live.max-connections", 1, "aqparat.auth.keys", "operator:" + OPERATOR_KEY));
    }

    @AfterAll
    void stop() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(store.base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = Json.mapper().readTree(response.body());
        assertEquals(status, body.path("status").asInt());
    }

    @Test
    void theDashboardRunsOnlyItsOwnScriptAndCannotBeFramed() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.matches(".*script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'.*"), "the inline script by hash: " + csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        // Its chart library comes from the service itself (a WebJar), nothing from another site.
        String library = "/webjars/echarts/5.3.1/dist/echarts.min.js";
        assertTrue(page.body().contains("<script src=\"" + library + "\"></script>"), "the page loads " + library);
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "a script or style from another site");
        HttpResponse<String> script = get(library);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                script.headers().map().toString());
        assertTrue(script.body().contains("echarts"), "the ECharts bundle");
        HttpResponse<String> json = get("/api/views/timeline");
        assertEquals("nosniff", json.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void liveStreamsOverTheLimitGet503WithRetryAfter() throws Exception {
        HttpRequest first = HttpRequest.newBuilder(store.base.resolve("/api/stream")).GET().build();
        HttpResponse<InputStream> open = http.send(first, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream events = open.body()) {
            assertEquals(200, open.statusCode());
            events.read(new byte[16]);
            HttpResponse<String> second = get("/api/stream");
            assertProblem(second, 503);
            assertTrue(second.headers().firstValue("Retry-After").isPresent());
        }
        RunningStore.await(Duration.ofSeconds(20), "the stream's slot given back",
                () -> {
                    try {
                        HttpResponse<InputStream> again = http.send(first, HttpResponse.BodyHandlers.ofInputStream());
                        again.body().close();
                        return again.statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    @Test
    void anInstancesLocalPartNeedsTheClusterSecret() throws Exception {
        assertProblem(get("/api/views/timeline?scope=local"), 403);
        assertProblem(get("/api/views/timeline?scope=local", ClusterSecret.HEADER, "wrong-secret-0000000000"), 403);
        RunningStore.await(Duration.ofSeconds(30), "a peer's request with the secret answered", () -> {
            try {
                return get("/api/views/timeline?scope=local", ClusterSecret.HEADER, RunningStore.CLUSTER_SECRET)
                        .statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(200, get("/api/views/timeline").statusCode(), "the public view stays open");
    }

    @Test
    void metricsAreForOperators() throws Exception {
        assertProblem(get("/prometheus"), 401);
        assertEquals(200, get("/prometheus", "Authorization", "Bearer " + OPERATOR_KEY).statusCode());
    }
}
