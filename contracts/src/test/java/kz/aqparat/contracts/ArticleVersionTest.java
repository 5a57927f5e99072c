package kz.aqparat.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleVersionTest {

    private static final Instant EARLY = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATE = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void engineVersionsCompareAsDottedNumbers() {
        List<String> ascending = List.of("0.2", "0.9.0", "0.9.1", "0.10.0", "1.0.0-rc1", "1.0.0-rc2", "1.0.0",
                "1.0.1", "2", "10.0.0");
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(ArticleVersion.compareEngineVersions(ascending.get(i), ascending.get(j))),
                        ascending.get(i) + " vs " + ascending.get(j));
            }
        }
        assertEquals(0, ArticleVersion.compareEngineVersions("1.2", "1.2.0"));
        assertEquals(0, ArticleVersion.compareEngineVersions("0.3.0", " 0.3.0 "));
        assertTrue(ArticleVersion.compareEngineVersions(null, "0.0.1") < 0);
        assertTrue(ArticleVersion.compareEngineVersions("0.0.1", null) > 0);
        assertEquals(0, ArticleVersion.compareEngineVersions(null, null));
        assertTrue(ArticleVersion.compareEngineVersions("99999999999999999999999.0", "1.0") > 0, "no overflow");
    }

    @Test
    void theSourceVersionComesFirstThenTheEngineAndTheClockNever() {
        assertTrue(version(11L, "0.1.0", EARLY).compareTo(version(10L, "0.9.0", LATE)) > 0);
        assertTrue(version(10L, "0.10.0", EARLY).compareTo(version(10L, "0.9.0", LATE)) > 0);
        assertEquals(0, version(10L, "0.9.0", EARLY).compareTo(version(10L, "0.9.0", LATE)));
    }

    @Test
    void withoutSourceVersionsTheClockOrdersAndAnyVersionWithOneIsNewer() {
        assertTrue(version(null, "0.1.0", LATE).compareTo(version(null, "0.9.0", EARLY)) > 0);
        assertTrue(version(null, "0.9.0", null).compareTo(version(null, "0.1.0", EARLY)) < 0);
        assertTrue(version(0L, "0.1.0", null).compareTo(version(null, "0.9.0", LATE)) > 0);
        assertEquals(0, version(null, "0.9.0", EARLY).compareTo(version(null, "0.9.0", EARLY)));
    }

    private static ArticleVersion version(Long source, String engine, Instant processedAt) {
        return new ArticleVersion(processedAt, List.of(), List.of(), null, source, engine, null, false);
    }
}
