package kz.aqparat.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.Test;

/**
 * The engine's output, byte for byte, on every text of the factRuEval devset, the sample articles, the fuzz corpus
 * and a few generated hostile texts, against the output committed in {@code src/test/resources/golden/}: a
 * SHA-256 of the JSON per text, and the full JSON of the sample articles so that a change there can be read.
 * Changes that mean to change the output (and {@link ArticleExtractor#VERSION}) regenerate the files with
 * {@code mvn -pl extraction -am verify -Dtest=GoldenOutputTest -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false}
 * and commit the diff.
 */
class GoldenOutputTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2026, 2, 18);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path HASHES = GOLDEN.resolve("sha256.tsv");
    private static final Path SAMPLES = GOLDEN.resolve("samples");

    private static Path repo() {
        return Files.isDirectory(Path.of("datasets")) ? Path.of(".") : Path.of("..");
    }

    /** Name → text, in a fixed order. */
    private static Map<String, String> inputs() throws IOException {
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

    private static String json(ArticleExtractor extractor, String text) throws JsonProcessingException {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(extractor.extract(text, PUBLISHED))
                + "\n";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outputIsTheCommittedOne() throws IOException {
        ArticleExtractor extractor = ArticleExtractor.load();
        Map<String, String> texts = inputs();
        assertEquals(122 + 5 + 8 + 2, texts.size(), "inputs: " + texts.keySet());
        if (Boolean.getBoolean("golden.update")) {
            write(extractor, texts);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(HASHES, StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            expected.put(cols[0], cols[1]);
        }
        assertEquals(expected.keySet(), texts.keySet(), "the inputs are the ones the golden file was made from");
        List<String> changed = new ArrayList<>();
        Path actualDir = Path.of("target", "golden-actual");
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String json = json(extractor, e.getValue());
            if (e.getKey().startsWith("samples/")) {
                // compared as text first, so that a failure shows the first differing line
                assertEquals(Files.readString(SAMPLES.resolve(e.getKey().substring(8) + ".json")), json, e.getKey());
            }
            if (!sha256(json).equals(expected.get(e.getKey()))) {
                changed.add(e.getKey());
                Path out = actualDir.resolve(e.getKey() + ".json");
                Files.createDirectories(out.getParent());
                Files.writeString(out, json);
            }
        }
        assertTrue(changed.isEmpty(), "output changed for " + changed.size() + " texts (JSON written to "
                + actualDir.toAbsolutePath() + "): " + changed);
    }

    private static void write(ArticleExtractor extractor, Map<String, String> texts) throws IOException {
        Files.createDirectories(SAMPLES);
        StringBuilder hashes = new StringBuilder();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String json = json(extractor, e.getValue());
            hashes.append(e.getKey()).append('\t').append(sha256(json)).append('\n');
            if (e.getKey().startsWith("samples/")) {
                Files.writeString(SAMPLES.resolve(e.getKey().substring(8) + ".json"), json);
            }
        }
        Files.writeString(HASHES, hashes);
    }
}
