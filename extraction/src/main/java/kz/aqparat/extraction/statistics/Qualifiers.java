package kz.aqparat.extraction.statistics;

import java.util.Map;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.extraction.text.Tokens;

/**
 * The words in front of a number that say how it relates to the true count: "более", "не менее", "около",
 * "по меньшей мере". Read backwards from the number, on the same line, words only.
 */
final class Qualifiers {

    /** The qualifier and the token its words start at. */
    record Found(Qualifier qualifier, int first) {
    }

    private static final Map<String, Qualifier> ONE_WORD = Map.ofEntries(
            Map.entry("более", Qualifier.MORE_THAN),
            Map.entry("больше", Qualifier.MORE_THAN),
            Map.entry("свыше", Qualifier.MORE_THAN),
            Map.entry("сверх", Qualifier.MORE_THAN),
            Map.entry("менее", Qualifier.LESS_THAN),
            Map.entry("меньше", Qualifier.LESS_THAN),
            Map.entry("около", Qualifier.ABOUT),
            Map.entry("примерно", Qualifier.ABOUT),
            Map.entry("приблизительно", Qualifier.ABOUT),
            Map.entry("ориентировочно", Qualifier.ABOUT),
            Map.entry("порядка", Qualifier.ABOUT),
            // "почти 500" is just under 500: reported as an approximate count
            Map.entry("почти", Qualifier.ABOUT),
            Map.entry("минимум", Qualifier.AT_LEAST),
            Map.entry("максимум", Qualifier.AT_MOST),
            Map.entry("до", Qualifier.AT_MOST),
            Map.entry("от", Qualifier.AT_LEAST),
            Map.entry("ровно", Qualifier.EXACT));

    /** "не более", "как минимум": the second word's meaning given the first. */
    private static final Map<String, Qualifier> TWO_WORDS = Map.ofEntries(
            Map.entry("не более", Qualifier.AT_MOST),
            Map.entry("не больше", Qualifier.AT_MOST),
            Map.entry("не свыше", Qualifier.AT_MOST),
            Map.entry("не менее", Qualifier.AT_LEAST),
            Map.entry("не меньше", Qualifier.AT_LEAST),
            Map.entry("не ниже", Qualifier.AT_LEAST),
            Map.entry("не выше", Qualifier.AT_MOST),
            Map.entry("как минимум", Qualifier.AT_LEAST),
            Map.entry("как максимум", Qualifier.AT_MOST),
            Map.entry("меньшей мере", Qualifier.AT_LEAST),
            Map.entry("крайней мере", Qualifier.AT_LEAST));

    /** Words that only soften the qualifier after them: "чуть более", "немногим менее". */
    private static final java.util.Set<String> SOFTENERS = java.util.Set.of("чуть", "немного", "немногим",
            "несколько", "слегка", "гораздо", "значительно", "намного", "существенно");

    private Qualifiers() {
    }

    /** The qualifier whose words end right before token {@code number}; EXACT at {@code number} if none. */
    static Found before(Tokens t, int number) {
        int w1 = wordBefore(t, number);
        if (w1 < 0) {
            return new Found(Qualifier.EXACT, number);
        }
        String l1 = t.lower(w1);
        if (l1.equals("чем")) {
            // "более чем 400", "меньше чем 10"
            int w = wordBefore(t, w1);
            if (w >= 0) {
                Found f = before(t, w1);
                if (f.first() != w1 && f.qualifier() != Qualifier.EXACT) {
                    return f;
                }
            }
            return new Found(Qualifier.EXACT, number);
        }
        int w2 = wordBefore(t, w1);
        if (w2 >= 0) {
            Qualifier q = TWO_WORDS.get(t.lower(w2) + " " + l1);
            if (q != null) {
                int first = w2;
                int w3 = wordBefore(t, w2);
                if (w3 >= 0 && t.lower(w3).equals("по") && l1.equals("мере")) {
                    first = w3;
                }
                return new Found(q, first);
            }
        }
        Qualifier q = ONE_WORD.get(l1);
        if (q == null) {
            return new Found(Qualifier.EXACT, number);
        }
        int first = w1;
        if (w2 >= 0 && SOFTENERS.contains(t.lower(w2))
                && (q == Qualifier.MORE_THAN || q == Qualifier.LESS_THAN)) {
            first = w2;
        }
        return new Found(q, first);
    }

    /** The word token right before token {@code i} on the same line, or -1. */
    static int wordBefore(Tokens t, int i) {
        if (i <= 0 || !t.near(i) || t.attached(i) || !t.isWord(i - 1)) {
            return -1;
        }
        return i - 1;
    }
}
