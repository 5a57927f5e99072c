package kz.aqparat.cli.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The short crash test, {@code ./pipeline chaos --short}: a 3-broker cluster and the three services as real
 * processes; enrich-service killed with SIGKILL mid-load, then two brokers of three killed so that Kafka cannot
 * take writes. Asserts what an operator would read in the report: nothing accepted is lost or unreadable, the
 * views equal the views recomputed from the stored articles, nothing in the DLQ, no copy made by the pipeline, and
 * while Kafka could not take writes ingest answered 503 with {@code Retry-After} within its send timeout and
 * never 202.
 *
 * <p>An outage is where a write's outcome can be unknown (ingest answered 503, but the leader had appended the
 * record, which becomes durable when the followers return): ingest must not write a client's retry of it again,
 * so no article may be in {@code articles.raw} or {@code articles.store} twice ({@code rawDuplicates},
 * {@code doubled}).
 */
class ChaosIT {

    @Test
    void nothingAcceptedIsLostOrDoubledAndIngestAnswers503WhileKafkaCannotTakeWrites()
            throws Exception {
        Path root = RepoLayout.find().root();
        Path dir = root.resolve("cli/target/chaos-it");
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, "run-");
        Path json = work.resolve("chaos.json");
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(new ChaosCommand());
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));

        int exit = cli.execute("--short", "--work-dir", work.resolve("stack").toString(), "--json", json.toString());

        String out = output.toString();
        assertTrue(Files.exists(json), out);
        JsonNode scenarios = Json.mapper().readTree(Files.readString(json)).path("scenarios");
        List<String> names = new ArrayList<>();
        scenarios.forEach(s -> names.add(s.path("name").asText()));
        assertEquals(List.of("enrich-kill", "kafka-unwritable"), names, out);
        for (JsonNode s : scenarios) {
            String name = s.path("name").asText();
            String context = name + ": " + s + "\n" + out;
            assertEquals(120, s.path("pushed").asInt(), context);
            assertEquals(120, s.path("accepted").asInt(), "every article is accepted in the end; " + context);
            assertEquals(0, s.path("lost").asInt(), context);
            assertEquals(120, s.path("stored").asInt(), context);
            assertEquals(0, s.path("unreadable").asInt(), context);
            assertTrue(s.path("viewsMatch").asBoolean(), context);
            assertEquals(0, s.path("dlq").asInt(), context);
            assertEquals(0, s.path("doubledByPipeline").asInt(), context);
            assertEquals(0, s.path("rawDuplicates").asInt(), "no article written twice by ingest; " + context);
            assertEquals(0, s.path("doubled").asInt(), context);
            assertEquals(0, s.path("retryAfterMissing").asInt(), context);
            assertTrue(s.path("recoverySeconds").asDouble() > 0, context);
            assertTrue(s.path("passed").asBoolean(), context);
        }

        JsonNode outage = scenarios.get(1);
        assertTrue(outage.path("outageAnswers").asInt() > 10, "requests were answered during the outage: " + outage);
        assertEquals(outage.path("outageAnswers").asInt(), outage.path("outage503").asInt(),
                "every answer while Kafka could not take writes is a 503: " + outage);
        assertEquals(0, outage.path("outageAccepted").asInt(), outage.toString());
        assertTrue(outage.path("outageMaxAnswerMillis").asLong()
                <= 3_000 + ChaosRun.ANSWER_SLACK.toMillis(), "within the 3 s send timeout: " + outage);
        assertEquals(0, exit, "the exit code says every scenario passed\n" + out);
        assertTrue(out.contains("scenario") && out.contains("kafka-unwritable"), "a table on stdout: " + out);
    }
}
