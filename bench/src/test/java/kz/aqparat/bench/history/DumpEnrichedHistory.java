package kz.aqparat.bench.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.aqparat.cli.articles.ArticleStream;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;

/**
 * Writes the first N enriched articles of the {@code --preload} history as NDJSON, for measuring store-service's
 * topology on its own (store-service's {@code TopologyThroughput}): {@code DumpEnrichedHistory FILE N}.
 */
public final class DumpEnrichedHistory {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        HistoryArticles history = new HistoryArticles(new ArticleStream(RepoLayout.find().samples(), "dump", 3, 5),
                NamePopulation.load(3), 3, "0.4.0");
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long i = 0; i < n; i++) {
                writer.write(Json.mapper().writeValueAsString(history.enriched(history.article(i), i)));
                writer.newLine();
            }
        }
    }
}
