package kz.aqparat.extraction.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aqparat.contracts.DateMention;
import org.junit.jupiter.api.Test;

class DateExtractorTest {

    private static final DateExtractor EXTRACTOR = DateExtractor.load();
    private static final Path SAMPLES = Path.of("..", "samples", "articles");

    private static List<String> described(String text, LocalDate publication) {
        List<DateMention> found = EXTRACTOR.extract(text, publication);
        for (DateMention d : found) {
            assertEquals(d.text(), text.substring(d.start(), d.end()));
        }
        return found.stream().map(d -> d.date() + " " + d.kind() + " «" + d.text() + "»").collect(Collectors.toList());
    }

    private static String sample(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return Files.readString(files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow());
        }
    }

    @Test
    void feedHeaderIsThePublicationDate() throws IOException {
        assertEquals(List.of("2026-02-18 PUBLICATION «2026-02-18»"), described(sample("000_"), null));
    }

    @Test
    void dayAndMonthTakeThePublicationYear() throws IOException {
        assertEquals(List.of("2026-02-24 PUBLICATION «2026-02-24»", "2026-02-12 MENTIONED «12 февраля»"),
                described(sample("001_"), null));
        assertEquals(List.of("2026-02-24 PUBLICATION «2026-02-24»", "2026-02-12 MENTIONED «12 февраля»"),
                described(sample("001_"), LocalDate.of(2026, 2, 24)));
    }

    @Test
    void headingDateWithTimeIsThePublicationDate() throws IOException {
        assertEquals(List.of("2026-03-03T05:00 PUBLICATION «3 марта 2026 г. 5:00»"), described(sample("002_"), null));
    }

    @Test
    void samplesWithoutOtherDates() throws IOException {
        assertEquals(List.of("2026-03-05 PUBLICATION «2026-03-05»"), described(sample("003_"), null));
        assertEquals(List.of("2026-02-22 PUBLICATION «2026-02-22»"), described(sample("004_"), null));
    }

    @Test
    void writtenForms() {
        LocalDate published = LocalDate.of(2026, 2, 18);
        assertEquals(List.of("2025-12-28 MENTIONED «28 декабря»"), described("Ещё 28 декабря", LocalDate.of(2026, 1, 5)));
        assertEquals(List.of("2026-02-12 MENTIONED «12.02.2026»", "2025-05-09 MENTIONED «9 мая 2025 года»",
                        "2024-01-01 MENTIONED «2024-01-01»"),
                described("Указ от 12.02.2026, парад 9 мая 2025 года, отчёт 2024-01-01.", published));
        assertEquals(List.of("2026-03-03 MENTIONED «3 марта 2026 г.»"), described("подписан 3 марта 2026 г.", null));
    }

    @Test
    void impossibleOrUnresolvableDatesAreSkipped() {
        assertEquals(List.of(), described("31 февраля 2026 года и 30.02.2026", null));
        assertEquals(List.of(), described("29 февраля", LocalDate.of(2026, 2, 18))); // no 29 Feb in 2025..2027
        assertEquals(List.of(), described("12 февраля", null)); // no year to resolve against
        assertEquals(List.of(), described("99 марта, 0 мая, №12 мая", LocalDate.of(2026, 2, 18)));
    }
}
