package kz.aqparat.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicationDatesTest {

    @Test
    void readsIsoDatesAndDateTimesAsWritten() {
        LocalDate day = LocalDate.of(2026, 2, 18);
        assertEquals(day, PublicationDates.parse("2026-02-18"));
        assertEquals(day, PublicationDates.parse(" 2026-02-18T23:30:00+05:00 "));
        assertEquals(day, PublicationDates.parse("2026-02-18T23:30:00Z"));
        assertEquals(day, PublicationDates.parse("2026-02-18T23:30"));
    }

    @Test
    void anythingElseIsUnknown() {
        assertNull(PublicationDates.parse(null));
        assertNull(PublicationDates.parse(""));
        assertNull(PublicationDates.parse("18 февраля 2026"));
        assertNull(PublicationDates.parse("2026-02-30"));
        assertNull(PublicationDates.parse("2026/02/18"));
    }
}
