package kz.aqparat.extraction.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Statistic;
import kz.aqparat.extraction.statistics.StatisticExtractor;

/**
 * Scores the statistics extractor on hand-labelled texts ({@code datasets/statistics-gold/factru-devset.json}: the
 * count, money, percent and measure expressions of part of the factRuEval devset, see its README). A found statistic
 * is right when its span overlaps a labelled one (each labelled one matches at most one found); precision is the
 * share of found statistics that are right, recall the share of labelled ones found. Of the right ones, the share
 * whose {@link Statistic#kind()} is the labelled kind is reported too.
 */
public final class StatisticsEval {

    /** The counts over all labelled documents, and what went wrong, for a reader to look at. */
    public record Scores(int documents, int labelled, int found, int right, int rightKind, List<String> falsePositives,
            List<String> missed) {

        public double precision() {
            return found == 0 ? 0 : (double) right / found;
        }

        public double recall() {
            return labelled == 0 ? 0 : (double) right / labelled;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double kindAccuracy() {
            return right == 0 ? 0 : (double) rightKind / right;
        }

        public String table() {
            return String.format(Locale.ROOT, "statistics, %d hand-labelled devset documents, %d labelled%n"
                    + "%-6s %9s %9s %9s %7s %7s %7s %9s%n%-6s %9.3f %9.3f %9.3f %7d %7d %7d %9.3f%n",
                    documents, labelled, "", "precision", "recall", "F1", "tp", "fp", "fn", "kind ok",
                    "stats", precision(), recall(), f1(), right, found - right, labelled - right, kindAccuracy());
        }
    }

    private record Labelled(int start, int end, String text, Statistic.Kind kind) {
    }

    private StatisticsEval() {
    }

    public static void main(String[] args) {
        Path devset = Path.of(args.length > 0 ? args[0] : "datasets/factru-devset");
        Path gold = Path.of(args.length > 1 ? args[1] : "datasets/statistics-gold/factru-devset.json");
        Scores s = evaluate(devset, gold, StatisticExtractor.load());
        System.out.print(s.table());
        s.falsePositives().forEach(f -> System.out.println("  false: " + f));
        s.missed().forEach(m -> System.out.println("  missed: " + m));
    }

    public static Scores evaluate(Path devset, Path gold, StatisticExtractor extractor) {
        JsonNode documents;
        try {
            documents = Json.mapper().readTree(gold.toFile()).get("documents");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + gold, e);
        }
        int labelledCount = 0;
        int foundCount = 0;
        int right = 0;
        int rightKind = 0;
        List<String> falsePositives = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = documents.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> doc = it.next();
            String text;
            try {
                text = Files.readString(devset.resolve(doc.getKey() + ".txt"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + doc.getKey() + " in " + devset, e);
            }
            List<Labelled> labelled = new ArrayList<>();
            for (JsonNode l : doc.getValue()) {
                labelled.add(new Labelled(l.get("start").asInt(), l.get("end").asInt(), l.get("text").asText(),
                        Statistic.Kind.valueOf(l.get("kind").asText())));
            }
            boolean[] matched = new boolean[labelled.size()];
            List<Statistic> found = extractor.extract(text);
            for (Statistic s : found) {
                int match = -1;
                for (int k = 0; k < labelled.size() && match < 0; k++) {
                    Labelled l = labelled.get(k);
                    if (!matched[k] && s.start() < l.end() && l.start() < s.end()) {
                        match = k;
                    }
                }
                if (match < 0) {
                    falsePositives.add(doc.getKey() + " «" + s.text() + "» " + s.kind() + " " + s.unit());
                    continue;
                }
                matched[match] = true;
                right++;
                if (s.kind() == labelled.get(match).kind()) {
                    rightKind++;
                }
            }
            for (int k = 0; k < labelled.size(); k++) {
                if (!matched[k]) {
                    missed.add(doc.getKey() + " «" + labelled.get(k).text() + "» " + labelled.get(k).kind());
                }
            }
            labelledCount += labelled.size();
            foundCount += found.size();
        }
        return new Scores(documents.size(), labelledCount, foundCount, right, rightKind, falsePositives, missed);
    }
}
