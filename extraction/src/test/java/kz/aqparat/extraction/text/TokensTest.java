package kz.aqparat.extraction.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> strings(Tokens t) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            s.add(t.string(i));
        }
        return s;
    }

    @Test
    void cutsWordsNumbersAndSymbols() {
        Tokens t = Tokens.of("Более 1,5 млн — «Казахстан-2050»!");
        assertEquals(List.of("Более", "1", ",", "5", "млн", "—", "«", "Казахстан", "-", "2050", "»", "!"), strings(t));
        assertEquals(Tokens.WORD, t.kind(0));
        assertEquals(Tokens.NUMBER, t.kind(1));
        assertEquals(Tokens.SYMBOL, t.kind(2));
    }

    @Test
    void tellsHowTokensAreSeparated() {
        Tokens t = Tokens.of("1 500\n300\u00A0000  7-8");
        assertTrue(t.singleSpaced(1));              // "1 500"
        assertFalse(t.near(2));                     // line break before "300"
        assertTrue(t.singleSpaced(3));              // no-break space in "300 000"
        assertFalse(t.singleSpaced(4));             // two spaces before "7"
        assertTrue(t.near(4) == false && t.attached(5) && t.isDash(5) && t.attached(6));
    }

    @Test
    void keepsOffsetsOfTheText() {
        String text = "  ё́лка 12,5%";
        Tokens t = Tokens.of(text);
        assertEquals("ё́лка", t.string(0));          // combining stress mark inside the word
        assertEquals(text.indexOf("12"), t.start(1));
        assertEquals(text.length(), t.end(t.size() - 1));
    }
}
