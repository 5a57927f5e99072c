package kz.aqparat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./pipeline bench} for real: a local broker, a preloaded history of 200 articles (raw and enriched), the
 * three services on free ports, about 20 s of load at a low open-loop rate, the read endpoints' latency, the
 * pass-through limit, then store-service restored from its changelogs; the JSON summary must show every article
 * accepted and in {@code articles.store}, the history written, read back and served, and figures that make sense.
 */
class BenchIT {

    @TempDir
    Path temp;

    @Test
    void aShortRunAtALowRateLosesNothingAndReportsSaneFigures() throws Exception {
        Path json = temp.resolve("bench.json");
        Path chart = temp.resolve("bench.html");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--warmup", "5", "--duration", "15", "--rate", "20", "--clients", "4",
                "--batch-size", "2", "--partitions", "2", "--limit-records", "300", "--drain-timeout", "180",
                "--preload", "200", "--preload-into", "raw,enriched", "--measure-restore", "--view-requests", "20",
                "--work-dir", temp.resolve("work").toString(), "--json", json.toString(), "--chart", chart.toString());
        assertEquals(0, code, out.toString());

        JsonNode s = Json.mapper().readTree(Files.readAllBytes(json));
        JsonNode articles = s.path("articles");
        long generated = articles.path("generated").asLong();
        assertTrue(generated >= 300, "about 20 articles/s for 20 s were offered: " + articles);
        assertEquals(generated, articles.path("accepted").asLong(), "every generated article accepted: " + articles);
        assertEquals(0, articles.path("failed").asLong(), articles.toString());
        assertEquals(0, articles.path("duplicates").asLong(), "new ids for every article: " + articles);
        assertEquals(generated, articles.path("reachedStore").asLong(), "nothing lost: " + articles);
        assertEquals(0, articles.path("lost").asLong());
        assertTrue(articles.path("viewSpotChecks").asLong() > 0);
        assertEquals(articles.path("viewSpotChecks").asLong(), articles.path("viewSpotChecksOk").asLong(),
                "store-service serves the articles seen in articles.store");

        assertTrue(s.path("endToEndArticlesPerSecond").asDouble() > 0, s.toString());
        assertTrue(s.path("acceptedArticlesPerSecond").asDouble() > 0);
        assertTrue(s.path("limitArticlesPerSecond").asDouble() > 0, "limit measured: " + s.path("limitError"));
        assertTrue(s.path("ratioToLimit").asDouble() > 0);
        assertTrue(s.path("twoStageLimitArticlesPerSecond").asDouble() > 0, s.path("limit").toString());
        assertEquals(2, s.path("limit").get(1).path("stages").asInt(), s.path("limit").toString());
        assertEquals(300, s.path("limit").get(1).path("records").asLong(), "--limit-records of the run's articles");
        assertEquals(3, s.path("limit").get(0).path("passesPerSecond").size(), "the median of three passes");

        JsonNode latency = s.path("latencyMs");
        assertTrue(latency.path("count").asLong() > 0);
        double p50 = latency.path("p50").asDouble();
        double p95 = latency.path("p95").asDouble();
        double p99 = latency.path("p99").asDouble();
        double max = latency.path("max").asDouble();
        assertTrue(p50 > 0 && p50 <= p95 && p95 <= p99 && p99 <= max, latency.toString());
        assertTrue(max < 180_000, "under the drain timeout: " + latency);

        assertTrue(s.path("resources").path("enrich-service").path("peakMemoryMb").asDouble() > 10,
                s.path("resources").toString());
        JsonNode preload = s.path("preload");
        assertEquals(200, preload.path("articles").asLong(), preload.toString());
        for (String topic : new String[]{"articles.raw", "articles.enriched"}) {
            assertEquals(200, preload.path("records").path(topic).asLong(), preload.toString());
            assertEquals(200, preload.path("readBack").path(topic).asLong(), "read back from " + topic + ": " + preload);
        }
        assertTrue(preload.path("distinct").path("person").asInt() > 100, preload.toString());
        assertTrue(preload.path("storeCatchUpSeconds").asDouble() >= 0, preload.toString());
        for (String service : new String[]{"ingest", "enrich", "store"}) {
            assertTrue(s.path("startupSeconds").path(service).asDouble() > 0, s.path("startupSeconds").toString());
            assertTrue(s.path("heapMb").path(service).asDouble() > 1, s.path("heapMb").toString());
        }
        assertTrue(s.path("restoreSeconds").asDouble() > 0, s.path("restore").toString());
        assertEquals(0, s.path("restore").path("articleLatencyMsAfterRestore").path("errors").asLong(),
                "the restored store serves the articles: " + s.path("restore"));
        assertTrue(s.path("diskMb").path("topics").path("articles.store").asDouble() > 0, s.path("diskMb").toString());
        JsonNode views = s.path("viewLatencyMs");
        for (String endpoint : new String[]{"entities", "regions", "timeline", "article", "articles"}) {
            JsonNode v = views.path(endpoint);
            assertEquals(20, v.path("count").asLong(), endpoint + ": " + v);
            assertEquals(0, v.path("errors").asLong(), "preloaded and run articles are all served: " + v);
            assertTrue(v.path("p50").asDouble() > 0 && v.path("p99").asDouble() >= v.path("p50").asDouble(),
                    v.toString());
        }

        assertFalse(s.path("timeline").isEmpty());
        assertTrue(s.path("timeline").get(0).path("lag").has("aqparat-store-v3"));
        assertTrue(out.toString().contains("end to end (in articles.store)"), out.toString());
        assertTrue(Files.readString(chart).contains("<svg"));
    }
}
