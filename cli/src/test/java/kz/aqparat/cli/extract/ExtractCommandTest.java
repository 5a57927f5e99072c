package kz.aqparat.cli.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.aqparat.cli.Pipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./pipeline extract} on the samples, read back as a user would read the written files. */
class ExtractCommandTest {

    @TempDir
    Path out;

    @Test
    void writesTheEnrichedArticleOfEverySampleInTheContractShape() throws Exception {
        Path samples = RepoLayout.find().samples();
        StringWriter stdout = new StringWriter();
        CommandLine cli = new CommandLine(new Pipeline()).setOut(new PrintWriter(stdout));
        int code = cli.execute("extract", "--out", out.toString(), samples.toString());
        assertEquals(0, code, stdout.toString());

        try (var files = Files.list(samples)) {
            assertEquals(5, files.filter(f -> f.toString().endsWith(".txt")).count());
        }
        JsonNode article = Json.mapper().readTree(out.resolve("000_fd029c03a7c1386a.json").toFile());
        String text = article.path("text").asText();
        assertEquals("2026-02-18", article.path("publishedAt").asText(), "from the feed's date header");
        assertEquals("Kazpravda.kz", article.path("source").asText());
        assertTrue(text.startsWith("Сегодня в Талдыкоргане"), "the header is not part of the text");
        assertEquals(ArticleIds.of(null, text), article.path("id").asText(), "the id ingest-service would give");
        assertTrue(article.path("enrichment").path("version").isTextual());
        boolean balaeva = false;
        for (JsonNode entity : article.path("entities")) {
            for (JsonNode m : entity.path("mentions")) {
                assertEquals(m.path("text").asText(), text.substring(m.path("start").asInt(), m.path("end").asInt()));
            }
            balaeva |= entity.path("type").asText().equals("PERSON")
                    && entity.path("name").asText().equals("Аида Балаева");
        }
        assertTrue(balaeva, "Аида Балаева is found: " + article.path("entities"));
        String original = Files.readString(samples.resolve("000_fd029c03a7c1386a.txt"), StandardCharsets.UTF_8);
        assertTrue(original.endsWith(text), "the text is the item's body, unchanged");
    }

    @Test
    void aMissingInputIsAnErrorWithANonZeroExitCode() {
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new Pipeline()).setErr(new PrintWriter(stderr));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute("extract", "--out", out.toString(), out.resolve("nope.txt").toString()));
        assertTrue(stderr.toString().contains("no such file"), stderr.toString());
    }
}
