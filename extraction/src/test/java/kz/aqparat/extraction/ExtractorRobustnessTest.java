package kz.aqparat.extraction;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;
import kz.aqparat.contracts.Extraction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and huge inputs go through the whole engine without an exception and with valid offsets. Whether they
 * also go through in linear time is measured by the JMH benchmark, not here.
 */
class ExtractorRobustnessTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.load();
    private static final int MB = 1 << 20;

    static Stream<Arguments> inputs() throws IOException {
        StringBuilder samples = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "articles")).sorted()) {
            for (Path p : (Iterable<Path>) files::iterator) {
                samples.append(Files.readString(p)).append("\n\n");
            }
        }
        Random random = new Random(20260218);
        byte[] bytes = new byte[MB];
        random.nextBytes(bytes);
        StringBuilder chars = new StringBuilder(MB);
        for (int i = 0; i < MB; i++) {
            chars.append((char) random.nextInt(0x10000)); // lone surrogates included
        }
        StringBuilder mixed = new StringBuilder(MB);
        String[] pieces = {"более ", "не ", "менее ", "5", "1", ",", ".", "-", "–", " ", "тысяч ", "млн ", "%", "$",
            "от ", "до ", "с ", "февраля ", "2026", " г.", ":", "00", "№", "#", "человек", "пять ", "полтора ",
            "\n", "«", "»", "-й", "31", "12.02.", "года"};
        while (mixed.length() < MB) {
            mixed.append(pieces[random.nextInt(pieces.length)]);
        }
        return Stream.of(
                Arguments.of("1 MB of articles", repeat(samples.toString(), MB)),
                Arguments.of("random bytes as UTF-8", new String(bytes, StandardCharsets.UTF_8)),
                Arguments.of("random bytes as Latin-1", new String(bytes, StandardCharsets.ISO_8859_1)),
                Arguments.of("random UTF-16 units", chars.toString()),
                Arguments.of("random statistic fragments", mixed.toString()),
                Arguments.of("only digits", "7".repeat(MB)),
                Arguments.of("only punctuation", repeat(".,;:!?-–—()«»\"'/\\%$№#…", MB)),
                Arguments.of("one huge word", "а".repeat(MB)),
                Arguments.of("spaced digits", repeat("1 ", MB)),
                Arguments.of("thousands groups", "1" + repeat(" 000", MB)),
                Arguments.of("hyphenated digits", repeat("1-", MB) + "1"),
                Arguments.of("dotted digits", repeat("1.", MB) + "1"),
                Arguments.of("decimal commas", repeat("1,5 ", MB)),
                Arguments.of("qualifiers without number", repeat("не более чем ", MB)),
                Arguments.of("qualifiers then number", repeat("более ", MB / 6) + "5 человек"),
                Arguments.of("adjectives without noun", "5 " + repeat("политических ", MB)),
                Arguments.of("numeral words", repeat("пять ", MB)),
                Arguments.of("scale words", repeat("тысяч ", MB)),
                Arguments.of("nested ranges", repeat("от 1 до ", MB) + "2 человек"),
                Arguments.of("dates", repeat("12 февраля 2026 г. 5:00 ", MB)),
                Arguments.of("impossible dates", repeat("31 февраля 31.02.2026 2026-02-31 ", MB)),
                Arguments.of("feed header only", " date 2026-02-18"),
                Arguments.of("empty", ""),
                Arguments.of("blank", " \n\t\u00A0"));
    }

    private static String repeat(String unit, int length) {
        StringBuilder b = new StringBuilder(length + unit.length());
        while (b.length() < length) {
            b.append(unit);
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void keepsTheContract(String name, String text) {
        Extraction e = EXTRACTOR.extract(text, LocalDate.of(2026, 2, 18));
        ExtractionInvariants.check(text, e);
        if (text.length() < 100_000) {
            ExtractionInvariants.check(text, EXTRACTOR.extract(text, null));
        }
        assertFalse(name.equals("1 MB of articles") && e.statistics().isEmpty(), "1 MB of samples has statistics");
    }
}
