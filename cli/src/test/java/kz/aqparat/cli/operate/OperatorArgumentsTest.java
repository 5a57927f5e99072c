package kz.aqparat.cli.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorArgumentsTest {

    @Test
    void timesAreInstantsDatesOrDateTimesAndAnEndDateIncludesItsDay() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), TimeArgument.start("2026-01-01"));
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), TimeArgument.end("2026-01-31"));
        assertEquals(Instant.parse("2026-01-01T06:00:00Z"), TimeArgument.start("2026-01-01T06:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T06:00:00Z"), TimeArgument.end("2026-01-01T11:00+05:00"));
        assertEquals(Instant.parse("2026-01-01T11:00:00Z"), TimeArgument.start("2026-01-01T11:00"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeArgument.start("last week"));
        assertEquals(true, e.getMessage().contains("'last week'"));
    }

    @Test
    void anIdsFileTakesTheFirstColumnAndSkipsCommentsAndBlankLines() {
        assertEquals(Set.of("a1", "b2", "c3"), IdsFile.parse(List.of("# ids", "a1", "", "  b2  ", "c3\taccepted",
                "a1")));
    }

    @Test
    void aProgressLineHasPercentRateAndEta() {
        assertEquals("replay: 40% (400 of 1000), replayed 390, 200/s, ETA 3 s",
                ProgressDisplay.line("replay", 400, 1000, Duration.ofSeconds(2), "replayed 390"));
        assertEquals("dlq: 100% (0 of 0), 0/s, ETA ?", ProgressDisplay.line("dlq", 0, 0, Duration.ZERO, ""));
    }
}
