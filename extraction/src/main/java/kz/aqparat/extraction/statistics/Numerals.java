package kz.aqparat.extraction.statistics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import kz.aqparat.extraction.text.Chars;

/**
 * Russian cardinal numerals in all their case forms ("пять", "пяти", "пятью"), the scale words ("тысяча",
 * "млн") and their values. A closed class of a few hundred forms, so a table is both exact and faster than a
 * dictionary lookup for every word of an article.
 */
final class Numerals {

    /**
     * COLLECTIVE: "трое", "пятерых", which count people when no noun follows; SOME: "несколько", "многих", a count
     * only before a scale word ("несколько тысяч").
     */
    enum Kind { ONE, UNIT, TEEN, TEN, HUNDRED, HALF, SCALE, COLLECTIVE, SOME }

    /**
     * @param singular for scale words: a singular form ("тысяча", "миллиона"), which counts one thousand/million by
     *                 itself; "тысячи" and "сотни" are both singular and plural and are read as singular only
     *                 after a qualifier ("около тысячи"); a plural alone ("тысячи людей") is an inexact count
     * @param approximate "десяток": about ten by itself
     */
    record Numeral(BigDecimal value, Kind kind, boolean singular, boolean abbreviation, boolean approximate) {
        Numeral(BigDecimal value, Kind kind, boolean singular, boolean abbreviation) {
            this(value, kind, singular, abbreviation, false);
        }
    }

    /** Scale forms that are the genitive singular and the nominative plural alike. */
    static final java.util.Set<String> SINGULAR_OR_PLURAL = java.util.Set.of("тысячи", "сотни");

    private static final Map<String, Numeral> FORMS = new HashMap<>();

    static {
        put(Kind.ONE, 1, "один", "одного", "одному", "одним", "одном", "одна", "одной", "одну", "одною", "одно",
                "одни", "одних", "одними");
        put(Kind.UNIT, 2, "два", "две", "двух", "двум", "двумя");
        put(Kind.UNIT, 3, "три", "трёх", "трех", "трём", "трем", "тремя");
        put(Kind.UNIT, 4, "четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя");
        soft(Kind.UNIT, 5, "пять");
        soft(Kind.UNIT, 6, "шесть");
        // not "семью": far more often the accusative of "семья" than "seven" in the instrumental
        put(Kind.UNIT, 7, "семь", "семи");
        put(Kind.UNIT, 8, "восемь", "восьми", "восемью", "восьмью");
        soft(Kind.UNIT, 9, "девять");
        soft(Kind.TEEN, 10, "десять");
        String[] teens = {"одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
            "семнадцать", "восемнадцать", "девятнадцать"};
        for (int k = 0; k < teens.length; k++) {
            soft(Kind.TEEN, 11 + k, teens[k]);
        }
        soft(Kind.TEN, 20, "двадцать");
        soft(Kind.TEN, 30, "тридцать");
        put(Kind.TEN, 40, "сорок", "сорока");
        put(Kind.TEN, 50, "пятьдесят", "пятидесяти", "пятьюдесятью");
        put(Kind.TEN, 60, "шестьдесят", "шестидесяти", "шестьюдесятью");
        put(Kind.TEN, 70, "семьдесят", "семидесяти", "семьюдесятью");
        put(Kind.TEN, 80, "восемьдесят", "восьмидесяти", "восьмьюдесятью", "восемьюдесятью");
        put(Kind.TEN, 90, "девяносто", "девяноста");
        put(Kind.HUNDRED, 100, "сто", "ста");
        put(Kind.HUNDRED, 200, "двести", "двухсот", "двумстам", "двумястами", "двухстах");
        put(Kind.HUNDRED, 300, "триста", "трёхсот", "трехсот", "трёмстам", "тремстам", "тремястами", "трёхстах",
                "трехстах");
        put(Kind.HUNDRED, 400, "четыреста", "четырёхсот", "четырехсот", "четырёмстам", "четыремстам",
                "четырьмястами", "четырёхстах", "четырехстах");
        hundreds(500, "пять", "пяти", "пятью");
        hundreds(600, "шесть", "шести", "шестью");
        hundreds(700, "семь", "семи", "семью");
        hundreds(800, "восемь", "восьми", "восьмью");
        put(Kind.HUNDRED, 800, "восемьюстами");
        hundreds(900, "девять", "девяти", "девятью");
        FORMS.put("полтора", new Numeral(new BigDecimal("1.5"), Kind.HALF, false, false));
        FORMS.put("полторы", new Numeral(new BigDecimal("1.5"), Kind.HALF, false, false));
        FORMS.put("полутора", new Numeral(new BigDecimal("1.5"), Kind.HALF, false, false));
        scale(10L, new String[] {"десяток", "десятка", "десятку", "десятком", "десятке"},
                new String[] {"десятки", "десятков", "десяткам", "десятками", "десятках"}, null);
        for (String f : new String[] {"десяток", "десятка", "десятку", "десятком", "десятке"}) {
            FORMS.put(f, new Numeral(BigDecimal.TEN, Kind.SCALE, true, false, true));
        }
        scale(100L, new String[] {"сотня", "сотню", "сотней", "сотне"},
                new String[] {"сотни", "сотен", "сотням", "сотнями", "сотнях", "сот"}, null);
        put(Kind.COLLECTIVE, 2, "двое", "двоих", "двоим", "двоими");
        put(Kind.COLLECTIVE, 3, "трое", "троих", "троим", "троими");
        put(Kind.COLLECTIVE, 4, "четверо", "четверых", "четверым", "четверыми");
        put(Kind.COLLECTIVE, 5, "пятеро", "пятерых", "пятерым", "пятерыми");
        put(Kind.COLLECTIVE, 6, "шестеро", "шестерых", "шестерым", "шестерыми");
        put(Kind.COLLECTIVE, 7, "семеро", "семерых", "семерым", "семерыми");
        put(Kind.COLLECTIVE, 8, "восьмеро", "восьмерых");
        put(Kind.COLLECTIVE, 9, "девятеро", "девятерых");
        put(Kind.COLLECTIVE, 10, "десятеро", "десятерых");
        put(Kind.SOME, 1, "несколько", "нескольких", "нескольким", "несколькими", "многие", "многих", "многим",
                "многими");
        scale(1_000L, new String[] {"тысяча", "тысячу", "тысячей", "тысячею", "тысяче"},
                new String[] {"тысячи", "тысяч", "тысячам", "тысячами", "тысячах"}, "тыс");
        scale(1_000_000L, new String[] {"миллион", "миллиона", "миллиону", "миллионом", "миллионе"},
                new String[] {"миллионы", "миллионов", "миллионам", "миллионами", "миллионах"}, "млн");
        scale(1_000_000_000L,
                new String[] {"миллиард", "миллиарда", "миллиарду", "миллиардом", "миллиарде"},
                new String[] {"миллиарды", "миллиардов", "миллиардам", "миллиардами", "миллиардах"}, "млрд");
        scale(1_000_000_000_000L,
                new String[] {"триллион", "триллиона", "триллиону", "триллионом", "триллионе"},
                new String[] {"триллионы", "триллионов", "триллионам", "триллионами", "триллионах"}, "трлн");
    }

    private static final int MAX_LENGTH = FORMS.keySet().stream().mapToInt(String::length).max().orElse(0);
    private static final String FIRST_LETTERS = FORMS.keySet().stream().map(f -> f.substring(0, 1)).distinct()
            .reduce("", String::concat);
    /** The {@link String#hashCode} of every form, sorted. */
    private static final int[] HASHES = FORMS.keySet().stream().mapToInt(String::hashCode).sorted().toArray();

    private Numerals() {
    }

    /** The numeral this lower-case word form is, or null. */
    static Numeral of(String lower) {
        return FORMS.get(lower);
    }

    /**
     * False when the word {@code text[start, end)} cannot be a numeral: a check without allocation that spares
     * lower-casing and looking up almost every word of an article.
     */
    static boolean mayBe(String text, int start, int end) {
        if (end - start > MAX_LENGTH || FIRST_LETTERS.indexOf(Chars.toLowerCase(text.charAt(start))) < 0) {
            return false;
        }
        // the hash code the lower-case word would have; a form has it, or the word is none
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Chars.isSimple(c)) {
                return true;
            }
            hash = 31 * hash + Chars.toLowerCase(c);
        }
        return Arrays.binarySearch(HASHES, hash) >= 0;
    }

    private static void put(Kind kind, long value, String... forms) {
        for (String f : forms) {
            FORMS.put(f, new Numeral(BigDecimal.valueOf(value), kind, false, false));
        }
    }

    /** Numerals declined like "пять": пять, пяти, пятью. */
    private static void soft(Kind kind, long value, String nominative) {
        String stem = nominative.substring(0, nominative.length() - 1);
        put(kind, value, nominative, stem + "и", nominative + "ю");
    }

    /** "пятьсот": пятьсот, пятисот, пятистам, пятьюстами, пятистах. */
    private static void hundreds(long value, String nominative, String oblique, String instrumental) {
        put(Kind.HUNDRED, value, nominative + "сот", oblique + "сот", oblique + "стам", instrumental + "стами",
                oblique + "стах");
    }

    private static void scale(long value, String[] singular, String[] plural, String abbreviation) {
        BigDecimal v = BigDecimal.valueOf(value);
        for (String f : plural) {
            FORMS.put(f, new Numeral(v, Kind.SCALE, false, false));
        }
        for (String f : singular) {
            FORMS.put(f, new Numeral(v, Kind.SCALE, true, false));
        }
        if (abbreviation != null) {
            FORMS.put(abbreviation, new Numeral(v, Kind.SCALE, false, true));
        }
    }
}
