package kz.aqparat.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.Json;

/**
 * A service's {@code GET /health}: {@code status} UP or DOWN as the service says, or UNREACHABLE when it does not
 * answer; {@code down} names the indicators that are not UP (with the operator key, the service shows them).
 */
public record ServiceHealth(String name, String url, int httpStatus, String status, List<String> down,
                            String error) {

    public boolean up() {
        return "UP".equals(status);
    }

    static ServiceHealth check(HttpClient http, String name, URI base, String key, Duration timeout) {
        URI uri = base.resolve("/health");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            String status = body.path("status").asText("UNKNOWN");
            List<String> down = new ArrayList<>();
            for (Map.Entry<String, JsonNode> indicator : body.path("details").properties()) {
                String s = indicator.getValue().path("status").asText("");
                if (!s.isEmpty() && !s.equals("UP")) {
                    down.add(indicator.getKey() + " " + s);
                }
            }
            return new ServiceHealth(name, base.toString(), response.statusCode(),
                    response.statusCode() == 200 ? status : status.equals("UP") ? "DOWN" : status, down, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceHealth(name, base.toString(), 0, "UNREACHABLE", List.of(), "interrupted");
        } catch (Exception e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new ServiceHealth(name, base.toString(), 0, "UNREACHABLE", List.of(), message);
        }
    }
}
