package kz.aqparat.cli.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.aqparat.cli.files.InputFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.aqparat.contracts.Json;

/**
 * Sends article files to ingest-service over HTTP: {@code .txt} as one feed item ({@code text/plain}), {@code .json}
 * as one article ({@code application/json}), {@code .ndjson} as a batch ({@code application/x-ndjson} to
 * {@code /api/articles/batch}, one result per line).
 */
public final class ArticlePusher {

    /** What ingest answered for one article; {@code line} is 0 except inside a batch. */
    public record Result(Path file, int line, int httpStatus, String id, String status, String error) {
        public boolean ok() {
            return error == null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;

    /** @param key the writer (or operator) key sent as {@code Authorization: Bearer}, or null for none */
    public ArticlePusher(URI ingestUrl, String key) {
        String s = ingestUrl.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.key = key;
    }

    /** Files to push: each file itself, or the {@code .txt}, {@code .json} and {@code .ndjson} files under a
     *  directory, in name order. */
    public static List<Path> articleFiles(List<Path> paths) {
        return InputFiles.expand(paths, InputFiles.endingWith(".txt", ".json", ".ndjson"));
    }

    public List<Result> push(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            byte[] body = Files.readAllBytes(file);
            if (name.endsWith(".ndjson")) {
                return pushBatch(file, body);
            }
            String contentType = name.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
            HttpResponse<String> response = post("api/articles", contentType, body);
            return List.of(result(file, 0, response.statusCode(), parse(response.body())));
        } catch (IOException e) {
            return List.of(new Result(file, 0, 0, null, null, describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new Result(file, 0, 0, null, null, "interrupted"));
        }
    }

    private List<Result> pushBatch(Path file, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> response = post("api/articles/batch", "application/x-ndjson", body);
        JsonNode answer = parse(response.body());
        List<JsonNode> items = new ArrayList<>();
        if (answer != null && answer.isArray()) {
            answer.forEach(items::add);
        } else if (answer != null && answer.path("results").isArray()) {
            answer.path("results").forEach(items::add);
        } else if (response.statusCode() < 300 && answer == null) {
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    items.add(parse(line));
                }
            }
        }
        if (items.isEmpty()) {
            return List.of(result(file, 0, response.statusCode(), answer));
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int status = item == null ? response.statusCode()
                    : item.path("problem").path("status").asInt(response.statusCode());
            results.add(result(file, item != null && item.has("line") ? item.path("line").asInt() : i + 1, status,
                    item));
        }
        return results;
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        HttpRequest request = builder.build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An answer is good when HTTP says so and, in a batch, the item's status is accepted or duplicate;
     *  otherwise the RFC 7807 problem's detail says why. */
    private static Result result(Path file, int line, int httpStatus, JsonNode body) {
        String id = body == null ? null : textOrNull(body.get("id"));
        String status = body == null ? null : textOrNull(body.get("status"));
        JsonNode problem = body == null ? null : body.has("problem") ? body.get("problem") : body;
        boolean statusOk = status == null || "accepted".equals(status) || "duplicate".equals(status);
        String error = null;
        if (httpStatus < 200 || httpStatus >= 300 || !statusOk) {
            error = problem == null ? "HTTP " + httpStatus : firstText(problem, "detail", "title", "message");
            if (error == null) {
                error = status != null ? status : "HTTP " + httpStatus;
            }
        }
        return new Result(file, line, httpStatus, id, status, error);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = textOrNull(node.get(field));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + base + " (is the pipeline running? `./pipeline up`)";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
