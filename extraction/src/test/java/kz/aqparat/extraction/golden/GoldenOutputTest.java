package kz.aqparat.extraction.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aqparat.contracts.Json;
import kz.aqparat.extraction.ArticleExtractor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine's output on every text of the factRuEval devset, the sample articles, the fuzz corpus and two generated
 * hostile texts, against the readable expected output committed beside it: one JSON file per input under
 * {@code src/test/resources/golden/} ({@code devset/book_100.txt.json}, {@code samples/...}, {@code fuzz/...},
 * {@code generated/...}). The trees are compared structurally; a failure lists each difference with its JSON path
 * ({@link JsonDiff}) and writes the actual output to {@code target/golden-actual/}.
 *
 * <p>A change that means to change the output (and {@link ArticleExtractor#VERSION}) rewrites the expected files
 * with {@code mvn -pl extraction -am verify -Dtest=GoldenOutputTest -Daqparat.golden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code git diff src/test/resources/golden} then shows the reviewer what
 * changed, text by text.
 */
class GoldenOutputTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2026, 2, 18);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path ACTUAL = Path.of("target", "golden-actual");
    private static final boolean UPDATE = Boolean.getBoolean("aqparat.golden.update");
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.load();

    private static Path repo() {
        return Files.isDirectory(Path.of("datasets")) ? Path.of(".") : Path.of("..");
    }

    /** Name → text, in a fixed order. */
    static Map<String, String> inputs() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        addDirectory(texts, repo().resolve("datasets/factru-devset"), "devset/", ".txt");
        addDirectory(texts, repo().resolve("samples/articles"), "samples/", ".txt");
        addDirectory(texts, Path.of("src/test/resources/kz/aqparat/extraction/ArticleExtractorFuzzTestInputs"
                + "/extractKeepsTheContract"), "fuzz/", "");
        Random random = new Random(20260218);
        StringBuilder utf16 = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            utf16.append((char) random.nextInt(0x10000));
        }
        texts.put("generated/utf16", utf16.toString());
        // words of Russian, Kazakh and Latin letters in every case, with the punctuation the rules look at
        String letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІabcxyzABCXYZ";
        String[] between = {" ", " ", " ", ", ", ". ", "-", " «", "» ", "\n", " (", ") ", " 5 ", " 1,5 млн "};
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 6_000; i++) {
            int length = 1 + random.nextInt(9);
            for (int k = 0; k < length; k++) {
                words.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.append(between[random.nextInt(between.length)]);
        }
        texts.put("generated/words", words.toString());
        return texts;
    }

    private static void addDirectory(Map<String, String> texts, Path dir, String prefix, String suffix)
            throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                // the fuzz corpus is raw bytes: malformed UTF-8 becomes U+FFFD, as the fuzz test's strings may hold it
                texts.put(prefix + p.getFileName(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
    }

    private static String json(String text) throws IOException {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(EXTRACTOR.extract(text, PUBLISHED))
                + "\n";
    }

    private static Path expectedFile(String name) {
        return GOLDEN.resolve(name + ".json");
    }

    @TestFactory
    Stream<DynamicTest> outputIsTheExpectedOne() throws IOException {
        return inputs().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String actual = json(e.getValue());
            Path expected = expectedFile(e.getKey());
            if (UPDATE) {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, actual);
                return;
            }
            if (!Files.exists(expected)) {
                fail("no expected output " + expected + " for this input; write it with -Daqparat.golden.update=true");
            }
            ObjectMapper mapper = Json.mapper();
            List<String> differences = JsonDiff.of(mapper.readTree(expected.toFile()), mapper.readTree(actual));
            if (!differences.isEmpty()) {
                Path out = ACTUAL.resolve(e.getKey() + ".json");
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual);
                fail(e.getKey() + ": " + differences.size() + " differences from " + expected + " (actual output in "
                        + out.toAbsolutePath() + "; accept an intended change with -Daqparat.golden.update=true)\n"
                        + String.join("\n", differences.subList(0, Math.min(differences.size(), 60))));
            }
        }));
    }

    /** Every expected file has its input, so that a renamed or removed input leaves no stale expectation behind. */
    @Test
    void everyExpectedOutputHasItsInput() throws IOException {
        Map<String, String> inputs = inputs();
        assertEquals(122 + 5 + 8 + 2, inputs.size(), "inputs: " + inputs.keySet());
        Set<String> expected;
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            expected = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
                    .map(s -> s.substring(0, s.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        if (UPDATE) {
            for (String stale : expected) {
                if (!inputs.containsKey(stale)) {
                    Files.delete(expectedFile(stale));
                }
            }
            return;
        }
        assertEquals(new TreeSet<>(inputs.keySet()), expected);
    }
}
