package kz.aqparat.extraction;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Jazzer fuzz test of the whole engine against the contract's invariants. In a normal build it replays the corpus
 * in {@code src/test/resources/kz/aqparat/extraction/ArticleExtractorFuzzTestInputs/extractKeepsTheContract/}
 * (regression mode, well under a second). With {@code JAZZER_FUZZ=1} it fuzzes, guided by coverage, for
 * {@code maxDuration}; a failing input is written next to the corpus so that it becomes a regression case.
 */
class ArticleExtractorFuzzTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.load();

    @FuzzTest(maxDuration = "60s")
    void extractKeepsTheContract(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ExtractionInvariants.check(text, EXTRACTOR.extract(text, LocalDate.of(2026, 2, 18)));
        ExtractionInvariants.check(text, EXTRACTOR.extract(text, null));
    }
}
