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
 * count, money, percent and measure expressions of part of the factRuEval devset, see its README), in two sets: the
 * {@code development} texts, labelled first and looked at while the rules were written, and the {@code heldOut}
 * texts, labelled afterwards and scored only. A found statistic
 * is right when its span overlaps a labelled one (each labelled one matches at most one found); precision is the
 * share of found statistics that are right, recall the share of labelled ones found. Of the right ones, the share
 * whose {@link Statistic#kind()} is the labelled kind is reported too.
 */
public final class StatisticsEval {

    /** The counts over all labelled documents, and what went wrong, for a reader to look at. */
    public record Scores(String set, int documents, int labelled, int found, int right, int rightKind, List<String> falsePositives,
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

        String row() {
            return String.format(Locale.ROOT, "%-12s %4d %8d %9.3f %9.3f %9.3f %7d %7d %7d %9.3f%n", set, documents,
                    labelled, precision(), recall(), f1(), right, found - right, labelled - right, kindAccuracy());
        }
    }

    /** The scores of each labelled set, as a table. */
    public static String table(List<Scores> sets) {
        StringBuilder b = new StringBuilder("statistics on hand-labelled devset texts (count, money, percent, "
                + "measure)\n");
        b.append(String.format(Locale.ROOT, "%-12s %4s %8s %9s %9s %9s %7s %7s %7s %9s%n", "set", "docs", "labelled",
                "precision", "recall", "F1", "tp", "fp", "fn", "kind ok"));
        sets.forEach(s -> b.append(s.row()));
        return b.toString();
    }

    private record Labelled(int start, int end, String text, Statistic.Kind kind) {
    }

    private StatisticsEval() {
    }

    public static void main(String[] args) {
        Path devset = Path.of(args.length > 0 ? args[0] : "datasets/factru-devset");
        Path gold = Path.of(args.length > 1 ? args[1] : "datasets/statistics-gold/factru-devset.json");
        List<Scores> sets = evaluate(devset, gold, StatisticExtractor.load());
        System.out.print(table(sets));
        for (Scores s : sets) {
            s.falsePositives().forEach(f -> System.out.println("  " + s.set() + " false: " + f));
            s.missed().forEach(m -> System.out.println("  " + s.set() + " missed: " + m));
        }
    }

    /** One {@link Scores} per set of the gold file, in its order. */
    public static List<Scores> evaluate(Path devset, Path gold, StatisticExtractor extractor) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(gold.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + gold, e);
        }
        List<Scores> sets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> set = it.next();
            sets.add(evaluate(set.getKey(), set.getValue(), devset, extractor));
        }
        return sets;
    }

    private static Scores evaluate(String set, JsonNode documents, Path devset, StatisticExtractor extractor) {
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
        return new Scores(set, documents.size(), labelledCount, foundCount, right, rightKind, falsePositives, missed);
    }
}
