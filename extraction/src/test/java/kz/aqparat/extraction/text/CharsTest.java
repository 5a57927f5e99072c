package kz.aqparat.extraction.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shortcuts answer as {@link Character} and {@link String#toLowerCase} do, for every char. */
class CharsTest {

    @Test
    void sameAnswersAsCharacterForEveryChar() {
        for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String hex = Integer.toHexString(i);
            assertEquals(Character.isLetter(c), Chars.isLetter(c), hex);
            assertEquals(Character.isDigit(c), Chars.isDigit(c), hex);
            assertEquals(Character.isUpperCase(c), Chars.isUpperCase(c), hex);
            assertEquals(Character.toLowerCase(c), Chars.toLowerCase(c), hex);
            if (Chars.isSimple(c)) {
                assertEquals(String.valueOf(c).toLowerCase(Locale.ROOT), String.valueOf(Chars.toLowerCase(c)), hex);
            }
        }
    }
}
