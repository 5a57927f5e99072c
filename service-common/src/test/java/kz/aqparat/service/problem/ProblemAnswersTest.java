package kz.aqparat.service.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Micronaut's own errors and {@link Problems#response} answer in the one problem shape, over real HTTP. */
class ProblemAnswersTest {

    private static final String KEY = "operator-key-for-problem-tests";
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Controller("/things")
    @Requires(property = "spec.name", value = "ProblemAnswersTest")
    static class ThingController {

        @Get("/{id}")
        HttpResponse<?> get(String id, @QueryValue(defaultValue = "1") int limit) {
            if (id.equals("teapot")) {
                return Problems.response(HttpStatus.FORBIDDEN, "forbidden-thing", "no thing for you")
                        .header("X-Why", "test");
            }
            if (id.equals("boom")) {
                throw new IllegalStateException("secret internal state");
            }
            return HttpResponse.ok(Map.of("id", id, "limit", limit));
        }

        @Post
        @Consumes(MediaType.APPLICATION_JSON)
        HttpResponse<?> post(@Body byte[] body) {
            return HttpResponse.accepted();
        }
    }

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "micronaut.server.max-request-size", 1024, "spec.name", "ProblemAnswersTest",
                "aqparat.auth.keys", "operator:" + KEY));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static java.net.http.HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("Authorization", "Bearer " + KEY);
    }

    private static JsonNode assertProblem(java.net.http.HttpResponse<String> response, int status, String kind)
            throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Problems.APPLICATION_PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals(Problems.TYPE_PREFIX + kind, problem.get("type").asText(), response.body());
        assertEquals(HttpStatus.valueOf(status).getReason(), problem.get("title").asText());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").isTextual() && !problem.get("detail").asText().isBlank(), response.body());
        assertEquals(4, problem.size(), "exactly type, title, status, detail: " + response.body());
        return problem;
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertProblem(send(at("/nothing-here")), 404, "not-found");
        assertProblem(send(at("/nothing-here").header("Accept", "text/html")), 404, "not-found");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        var response = send(at("/things/1").DELETE());
        assertProblem(response, 405, "method-not-allowed");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), response.headers().map().toString());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertProblem(send(at("/things").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>"))), 415, "unsupported-media-type");
    }

    @Test
    void bodyAboveTheServerLimitIs413() throws Exception {
        assertProblem(send(at("/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(1000) + "1]"))), 413, "too-large");
    }

    @Test
    void parameterThatDoesNotConvertIs400() throws Exception {
        JsonNode problem = assertProblem(send(at("/things/1?limit=many")), 400, "bad-request");
        assertTrue(problem.get("detail").asText().contains("limit"), problem.toString());
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsMessage() throws Exception {
        JsonNode problem = assertProblem(send(at("/things/boom")), 500, "internal-server-error");
        assertTrue(!problem.toString().contains("secret"), problem.toString());
    }

    @Test
    void aServiceOwnProblemHasTheSameShape() throws Exception {
        var response = send(at("/things/teapot"));
        assertProblem(response, 403, "forbidden-thing");
        assertEquals("test", response.headers().firstValue("X-Why").orElse(""));
        assertEquals(200, send(at("/things/ok?limit=2")).statusCode());
    }

    @Test
    void aLongDetailIsCut() {
        Problem problem = Problems.of(HttpStatus.BAD_REQUEST, "x", "д".repeat(10_000));
        assertEquals(Problems.MAX_DETAIL_LENGTH + 1, problem.detail().length());
    }
}
