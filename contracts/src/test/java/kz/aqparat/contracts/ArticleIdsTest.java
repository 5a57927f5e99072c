package kz.aqparat.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void theSameTextReWrappedGetsTheSameIdAndADifferentTextAnother() {
        String text = "Аида Балаева встретилась\nс журналистами в Астане.";
        String rewrapped = "  Аида   Балаева встретилась с\r\n\tжурналистами в Астане. ";
        assertEquals(ArticleIds.of(null, text), ArticleIds.of(null, rewrapped));
        assertNotEquals(ArticleIds.of(null, text), ArticleIds.of(null, text.replace("Астане", "Алматы")));
        assertEquals(ArticleIds.of("https://Example.kz/a/", "x"), ArticleIds.of("https://example.kz/a", "y"));
    }

    @Test
    void theTextFingerprintIsTheHashOfTheNormalisedTextAsBefore() {
        String alphabet = " \t\n\u000B\f\r\u00A0\u2003ab.Яәқ€\u0301\uD83D\uDE00";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(n % 100 == 0 ? 3000 : 16); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertEquals(ArticleIds.hash("text:" + normalisedAsBefore(text)), ArticleIds.textFingerprint(text),
                    "for [" + text + "]");
        }
        // A fixed fingerprint: ids already in Kafka must not change.
        assertEquals("dbdf6106365c21c52022730e10a7f54b", ArticleIds.of(null, "Аида Балаева встретилась с журналистами."));
    }

    /** The normalisation as ids were first made: the fingerprint must keep giving the same ids. */
    private static String normalisedAsBefore(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }
}
