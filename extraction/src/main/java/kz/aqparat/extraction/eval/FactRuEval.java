package kz.aqparat.extraction.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.aqparat.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Mention;
import kz.aqparat.extraction.entities.EntityExtractor;
import kz.aqparat.extraction.entities.Token;
import kz.aqparat.extraction.entities.Tokenizer;

/**
 * Scores the entity extractor on the factRuEval-2016 devset the way natasha's naeval does: every token of the text
 * gets the type of the span covering it (or none), then precision, recall and F1 per type are counted over tokens,
 * summed over all documents; the micro average sums the three types' counts.
 *
 * <p>Run: {@code java -cp ... kz.aqparat.extraction.eval.FactRuEval [devset dir]} (default
 * {@code datasets/factru-devset}).
 */
public final class FactRuEval {

    /** The devset's types, named as in factRuEval. */
    public enum Type { PER, LOC, ORG }

    /** Token counts of one type. */
    public record Score(long truePositives, long falsePositives, long falseNegatives) {
        public double precision() {
            long d = truePositives + falsePositives;
            return d == 0 ? 0 : (double) truePositives / d;
        }

        public double recall() {
            long d = truePositives + falseNegatives;
            return d == 0 ? 0 : (double) truePositives / d;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            return new Score(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }
    }

    /**
     * Per-type scores and their micro average over {@code documents} documents, and the same per fold of a
     * {@value #FOLDS}-fold split of the documents (document {@code i} of the sorted list in fold {@code i % FOLDS}).
     */
    public record Scores(int documents, Map<Type, Score> byType, Score micro, List<Map<Type, Score>> folds) {
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "factRuEval devset, %d documents, token-level scores%n", documents));
            b.append(String.format(Locale.ROOT, "%-6s %9s %9s %9s %7s %7s %7s%n",
                    "type", "precision", "recall", "F1", "tp", "fp", "fn"));
            for (Type t : Type.values()) {
                row(b, t.name(), byType.get(t));
            }
            row(b, "micro", micro);
            b.append(String.format(Locale.ROOT, "%nF1 per fold (%d folds of about %d documents; each fold scored as "
                    + "held out from the other %d)%n", folds.size(), documents / folds.size(), folds.size() - 1));
            b.append(String.format(Locale.ROOT, "%-6s", "type"));
            for (int f = 0; f < folds.size(); f++) {
                b.append(String.format(Locale.ROOT, " %7s", "fold " + (f + 1)));
            }
            b.append(String.format(Locale.ROOT, " %7s %7s %7s%n", "mean", "sd", "min"));
            for (Type t : Type.values()) {
                b.append(String.format(Locale.ROOT, "%-6s", t.name()));
                double sum = 0;
                double squares = 0;
                double min = 1;
                for (Map<Type, Score> fold : folds) {
                    double f1 = fold.get(t).f1();
                    b.append(String.format(Locale.ROOT, " %7.3f", f1));
                    sum += f1;
                    squares += f1 * f1;
                    min = Math.min(min, f1);
                }
                double mean = sum / folds.size();
                double sd = Math.sqrt(Math.max(0, squares / folds.size() - mean * mean));
                b.append(String.format(Locale.ROOT, " %7.3f %7.3f %7.3f%n", mean, sd, min));
            }
            return b.toString();
        }

        private static void row(StringBuilder b, String name, Score s) {
            b.append(String.format(Locale.ROOT, "%-6s %9.3f %9.3f %9.3f %7d %7d %7d%n", name, s.precision(),
                    s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
        }
    }

    /** Folds of the cross-validation split. */
    public static final int FOLDS = 5;

    private FactRuEval() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "datasets/factru-devset");
        System.out.print(evaluate(dir).table());
    }

    public static Scores evaluate(Path dir) {
        return evaluate(dir, EntityExtractor.load());
    }

    public static Scores evaluate(Path dir, EntityExtractor extractor) {
        ObjectMapper json = Json.mapper();
        List<Path> texts;
        try (Stream<Path> files = Files.list(dir)) {
            texts = files.filter(p -> p.getFileName().toString().matches("book_\\d+\\.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no book_N.txt files in " + dir);
        }
        Map<Type, Score> byType = zero();
        List<Map<Type, Score>> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            folds.add(zero());
        }
        for (int n = 0; n < texts.size(); n++) {
            Path txt = texts.get(n);
            String name = txt.getFileName().toString();
            Path gold = txt.resolveSibling(name.substring(0, name.length() - 4) + ".json");
            try {
                String text = Files.readString(txt, StandardCharsets.UTF_8);
                List<Span> goldSpans = new ArrayList<>();
                for (JsonNode m : json.readTree(gold.toFile())) {
                    goldSpans.add(new Span(Type.valueOf(m.get("type").asText()), m.get("start").asInt(),
                            m.get("end").asInt()));
                }
                List<Span> found = new ArrayList<>();
                for (Entity e : extractor.extract(text).entities()) {
                    Type t = map(e.type());
                    for (Mention m : e.mentions()) {
                        found.add(new Span(t, m.start(), m.end()));
                    }
                }
                Map<Type, Score> doc = score(text, goldSpans, found);
                doc.forEach((t, s) -> byType.merge(t, s, Score::plus));
                Map<Type, Score> fold = folds.get(n % FOLDS);
                doc.forEach((t, s) -> fold.merge(t, s, Score::plus));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + txt + " or " + gold, e);
            }
        }
        Score micro = new Score(0, 0, 0);
        for (Score s : byType.values()) {
            micro = micro.plus(s);
        }
        return new Scores(texts.size(), byType, micro, folds);
    }

    private static Map<Type, Score> zero() {
        Map<Type, Score> scores = new EnumMap<>(Type.class);
        for (Type t : Type.values()) {
            scores.put(t, new Score(0, 0, 0));
        }
        return scores;
    }

    static Type map(EntityType type) {
        return switch (type) {
            case PERSON -> Type.PER;
            case LOCATION -> Type.LOC;
            case ORGANIZATION -> Type.ORG;
        };
    }

    record Span(Type type, int start, int end) {
    }

    /** Token-level counts of one document. */
    static Map<Type, Score> score(String text, List<Span> gold, List<Span> found) {
        List<Token> tokens = Tokenizer.tokenize(text);
        Type[] g = tag(tokens, gold);
        Type[] f = tag(tokens, found);
        Map<Type, Score> result = new EnumMap<>(Type.class);
        for (Type t : Type.values()) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < tokens.size(); i++) {
                boolean inGold = g[i] == t;
                boolean inFound = f[i] == t;
                if (inGold && inFound) {
                    tp++;
                } else if (inFound) {
                    fp++;
                } else if (inGold) {
                    fn++;
                }
            }
            result.put(t, new Score(tp, fp, fn));
        }
        return result;
    }

    private static Type[] tag(List<Token> tokens, List<Span> spans) {
        Type[] tags = new Type[tokens.size()];
        for (Span s : spans) {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start >= s.start() && t.end <= s.end() && (tags[i] == null)) {
                    tags[i] = s.type();
                }
            }
        }
        return tags;
    }
}
