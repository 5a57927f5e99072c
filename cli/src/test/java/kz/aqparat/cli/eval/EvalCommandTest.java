package kz.aqparat.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import kz.aqparat.cli.Pipeline;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./pipeline eval --json} on the repository's devset, read as a script would read it. */
class EvalCommandTest {

    @Test
    void scoresEveryTypePerFoldAndTheStatisticsOfBothLabelledSets() throws Exception {
        StringWriter stdout = new StringWriter();
        int code = new CommandLine(new Pipeline()).setOut(new PrintWriter(stdout)).execute("eval", "--json");
        assertEquals(0, code, stdout.toString());
        JsonNode scores = Json.mapper().readTree(stdout.toString());
        assertEquals(122, scores.path("documents").asInt());
        for (String type : new String[] {"PER", "LOC", "ORG"}) {
            assertTrue(scores.path("entities").path(type).path("f1").asDouble() > 0.7, type + ": " + scores);
        }
        assertEquals(5, scores.path("folds").size());
        assertTrue(scores.path("folds").get(0).path("LOC").path("f1").asDouble() > 0.7, scores.toString());
        assertEquals(2, scores.path("statistics").size());
        assertEquals("heldOut", scores.path("statistics").get(1).path("set").asText());
        assertTrue(scores.path("statistics").get(1).path("precision").asDouble() >= 0.95, scores.toString());
    }

    @Test
    void aMissingDevsetIsExitCodeOne() {
        StringWriter stderr = new StringWriter();
        int code = new CommandLine(new Pipeline()).setErr(new PrintWriter(stderr)).execute("eval", "/no/such/dir");
        assertEquals(1, code);
        assertTrue(stderr.toString().contains("no devset"), stderr.toString());
    }
}
