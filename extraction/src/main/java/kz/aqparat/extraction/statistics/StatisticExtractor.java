package kz.aqparat.extraction.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.Statistic;
import kz.aqparat.extraction.morphology.Morphology;
import kz.aqparat.extraction.text.Tokens;

/**
 * Numeric counts with qualifier and unit: "более 400 сотрудников" is 400 MORE_THAN "сотрудник", "примерно пять
 * миллионов казахстанцев" 5000000 ABOUT "казахстанец", "1,5 млрд тенге" 1500000000 KZT.
 *
 * <p>One left-to-right pass over {@link Tokens} with bounded look-ahead and look-behind, so the time is linear in
 * the text whatever it contains. A number counts only when a unit follows it (a noun, a percent, a currency);
 * numbers that are parts of something else are skipped whole: dates ("12 февраля", "12.02.2026"), times
 * ("5:00"), years ("в 2025 году"), ordinals and decades ("3-й", "90-е"), phone numbers, codes and names
 * ("Казахстан-2050", "школа № 5", "статья 5", "#2026").
 */
public final class StatisticExtractor {

    /** More digits than this is an identifier, not a count. */
    private static final int MAX_DIGITS = 15;

    /** Symbols that may touch a number from the left without making it part of a code or a name. */
    private static final String OPENERS = "(«\"„“'[~≈<>≥≤$€₽₸¥";

    /** Nouns (and their abbreviations) after which a number is a label, not a count: "статья 5", "п. 3". */
    private static final Set<String> LABELS = Set.of("статья", "пункт", "подпункт", "часть", "глава", "раздел",
            "параграф", "страница", "приложение", "номер", "дом", "квартира", "корпус", "строение", "школа",
            "гимназия", "лицей", "больница", "поликлиника", "линия", "маршрут", "версия", "этаж", "кабинет",
            "участок", "микрорайон", "сезон", "серия", "выпуск", "тур", "раунд", "палата", "рисунок", "таблица",
            "вариант", "указ", "постановление", "приказ", "закон", "протокол", "ст", "п", "пп", "ч", "гл", "стр",
            "д", "кв", "мкр", "рис", "табл", "им", "no", "тел", "факс", "просмотр", "просмотры", "id");

    /**
     * Units that, after a number, do not make a reported count: view counters, times of day ("7 вечера"), points of a
     * score ("8,5 очков").
     */
    private static final Set<String> NOT_COUNTS = Set.of("просмотр", "утро", "вечер", "ночь", "очко");

    /** Case endings written after the digits of a cardinal ("23-х", "5-ти", "13-ю"); "-й", "-е", "-го" are ordinals. */
    private static final Set<String> CARDINAL_ENDINGS = Set.of("х", "ух", "ех", "ёх", "ти", "ми", "ю", "мя");

    /** What a collective numeral without a noun counts: "погибли трое". */
    private static final String PEOPLE = "человек";

    /** Words that say the number counts part of the group just counted: "250 участников, из них 40". */
    private static final Set<String> PART_OF = Set.of("из них", "из которых", "в том числе", "в т.ч", "среди них");

    /** How far back (in characters) the statistic whose head an elided one shares may stand. */
    private static final int ELIDED_HEAD_DISTANCE = 200;

    /** Coordinated numbers sharing the unit of the last one: "7 и 12 человек", "10, 20 и 30 процентов". */
    private static final int MAX_SHARED = 6;

    /** Prepositions that put a bare four-digit number in time: "в 2008 граждане", "с 2010". */
    private static final Set<String> YEAR_PREPOSITIONS = Set.of("в", "во", "с", "со", "к");

    /** Parts of the day after "в 8 часов": the hours are a time. */
    private static final Set<String> DAY_PARTS = Set.of("утра", "дня", "вечера", "ночи");

    /** Prepositions before a time of day: "в 10 часов", "с 8 часов", "до 20 часов". */
    private static final Set<String> TIME_PREPOSITIONS = Set.of("в", "во", "к", "с", "со", "до", "после");

    private final Units units;

    private StatisticExtractor(Morphology morphology) {
        this.units = new Units(morphology);
    }

    public static StatisticExtractor load() {
        return new StatisticExtractor(Morphology.shared());
    }

    public List<Statistic> extract(String text) {
        return extract(Tokens.of(text));
    }

    public List<Statistic> extract(Tokens t) {
        List<Statistic> found = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            i = Math.max(i + 1, at(t, i, found));
        }
        return found;
    }

    /**
     * A number read from the tokens {@code first..last}; {@code skip} when they are not a quantity at all.
     *
     * @param implied    the qualifier the words themselves give: MORE_THAN for "десятки", "тысячи людей",
     *                   "несколько тысяч", ABOUT for "десяток"; null for an exact number
     * @param collective "трое", "пятерых": people, when no noun follows
     */
    private record Amount(BigDecimal value, int first, int last, BigDecimal scale, boolean skip, Qualifier implied,
            boolean collective) {
        Amount(BigDecimal value, int first, int last, BigDecimal scale, boolean skip) {
            this(value, first, last, scale, skip, null, false);
        }

        static Amount skip(int first, int last) {
            return new Amount(null, first, last, null, true);
        }

        boolean scaled() {
            return scale != null;
        }
    }

    /** Reads what starts at token {@code i}, adds any statistic, returns the next token to look at. */
    private int at(Tokens t, int i, List<Statistic> found) {
        int numberAt = i;
        String signLemma = null;
        if (t.kind(i) == Tokens.SYMBOL) {
            signLemma = Units.signLemma(t.text().charAt(t.start(i)));
            if (signLemma == null || !t.isNumber(i + 1) || !t.near(i + 1)) {
                return i + 1;
            }
            numberAt = i + 1;
        } else if (t.kind(i) == Tokens.WORD
                && (!Numerals.mayBe(t.text(), t.start(i), t.end(i)) || Numerals.of(t.lower(i)) == null)) {
            return i + 1;
        }
        Amount amount = read(t, numberAt, signLemma == null);
        if (amount == null) {
            return i + 1;
        }
        if (amount.skip()) {
            return amount.last() + 1;
        }
        Qualifiers.Found q = Qualifiers.before(t, signLemma == null ? numberAt : i);
        int firstToken = signLemma == null ? q.first() : Math.min(q.first(), i);
        Qualifier qualifier = q.qualifier();
        if (qualifier == Qualifier.EXACT && amount.implied() != null) {
            qualifier = amount.implied();
        }
        BigDecimal valueTo = null;
        Amount second = null;
        boolean fromTo = false;
        boolean change = false;
        int after = amount.last() + 1;
        if (t.isDash(after) && t.near(after) && t.near(after + 1)) {
            second = read(t, after + 1, false);
            if (second != null && second.skip()) {
                return second.last() + 1;
            }
        } else if (t.isWord(after) && t.near(after) && t.lower(after).equals("до") && signLemma == null) {
            int w = Qualifiers.wordBefore(t, numberAt);
            String prep = w < 0 ? "" : t.lower(w);
            if (prep.equals("от") || prep.equals("с") || prep.equals("со")) {
                second = read(t, after + 1, false);
                if (second != null && second.skip()) {
                    return second.last() + 1;
                }
                fromTo = second != null;
                change = fromTo && !prep.equals("от");
                if (change) {
                    firstToken = w;
                }
            }
        }
        BigDecimal value = amount.value();
        int last = amount.last();
        if (second != null) {
            if (!amount.scaled() && second.scaled()) {
                value = value.multiply(second.scale());
            }
            valueTo = second.value();
            last = second.last();
            if (fromTo) {
                qualifier = Qualifier.EXACT;
            }
        }
        Units.Unit unit = signLemma != null && !t.isWord(last + 1)
                ? new Units.Unit(signLemma, Units.currencyOf(signLemma), last)
                : units.at(t, last + 1);
        if (unit == null && signLemma != null) {
            unit = new Units.Unit(signLemma, Units.currencyOf(signLemma), last);
        }
        if (unit == null && amount.collective() && second == null) {
            // "погибли трое": a collective numeral alone counts people
            unit = new Units.Unit(PEOPLE, null, last);
        }
        if (unit == null) {
            unit = sharedUnit(t, last, 0);
        }
        if (unit == null) {
            unit = elidedHead(t, firstToken, last, found);
        }
        if (unit == null) {
            return last + 1;
        }
        if (isLabelled(t, q.first()) || unit.singularOblique() && !endsInOne(value)
                || isQuotedName(t, firstToken, Math.max(unit.last(), last))) {
            return Math.max(unit.last(), last) + 1;
        }
        if (Units.isMonth(t, unit)) {
            // "1 января 2008 граждане": the year belongs to the date too
            int year = unit.last() + 1;
            return (t.isNumber(year) && t.near(year) && t.length(year) == 4 ? year : unit.last()) + 1;
        }
        if (isClockTime(t, unit, firstToken)) {
            int minutes = unit.last() + 1;
            boolean withMinutes = t.isNumber(minutes) && t.near(minutes) && t.isWord(minutes + 1)
                    && t.lower(minutes + 1).startsWith("минут");
            return (withMinutes ? minutes + 1 : unit.last()) + 1;
        }
        if (NOT_COUNTS.contains(unit.unit()) || Units.isDuration(unit.unit())
                || isYear(t, unit, value, valueTo, amount.first())) {
            return Math.max(unit.last(), last) + 1;
        }
        String currency = signLemma != null ? Units.currencyOf(signLemma) : unit.currency();
        String unitName = signLemma != null ? signLemma : unit.unit();
        int end = Math.max(unit.last(), last);
        if (change) {
            // "выросло с 10 до 15 %": two counts, before and after, not a range
            found.add(statistic(t, value, null, Qualifier.EXACT, unitName, currency, firstToken, amount.last()));
            found.add(statistic(t, valueTo, null, Qualifier.EXACT, unitName, currency, second.first(), end));
        } else {
            found.add(statistic(t, value, valueTo, qualifier, unitName, currency, firstToken, end));
        }
        return end + 1;
    }

    private static Statistic statistic(Tokens t, BigDecimal value, BigDecimal valueTo, Qualifier qualifier,
            String unit, String currency, int first, int last) {
        int start = t.start(first);
        int end = t.end(last);
        return new Statistic(normalise(value), valueTo == null ? null : normalise(valueTo), qualifier, unit,
                currency, Units.kindOf(unit, currency), t.text().substring(start, end), start, end);
    }

    private static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * "ранены 7 и госпитализированы 12 человек", "5 или 6 тонн", "10, 20 и 30 процентов": a number without a unit
     * takes the unit of the next number it is coordinated with, across verbs only (so that "7 детей и 12 взрослых"
     * keeps two units). The span stays the number's own.
     */
    private Units.Unit sharedUnit(Tokens t, int last, int depth) {
        int k = last + 1;
        if (depth >= MAX_SHARED || k >= t.size() || !t.near(k)
                || !(t.isSymbol(k, ',') || t.isWord(k) && (t.lower(k).equals("и") || t.lower(k).equals("или")))) {
            return null;
        }
        k++;
        for (int verbs = 0; ; verbs++) {
            if (k >= t.size() || !t.near(k)) {
                return null;
            }
            if (t.isNumber(k) || t.isWord(k) && t.length(k) <= 20 && Numerals.of(t.lower(k)) != null) {
                break;
            }
            if (verbs == 2 || !t.isWord(k) || !units.isVerbal(t, k)) {
                return null;
            }
            k++;
        }
        Amount next = read(t, k, false);
        if (next == null || next.skip() || next.collective()) {
            return null;
        }
        Units.Unit unit = units.at(t, next.last() + 1);
        if (unit == null) {
            unit = sharedUnit(t, next.last(), depth + 1);
        }
        return unit == null ? null : new Units.Unit(unit.unit(), unit.currency(), last);
    }

    /**
     * "250 участников, из них 40", "14 гроссмейстеров, из них 6 из первой десятки": a number after "из них" counts
     * what the statistic just before it counted.
     */
    private static Units.Unit elidedHead(Tokens t, int first, int last, List<Statistic> found) {
        if (found.isEmpty() || first < 2) {
            return null;
        }
        Statistic previous = found.get(found.size() - 1);
        if (t.start(first) - previous.end() > ELIDED_HEAD_DISTANCE || previous.kind() != Statistic.Kind.COUNT) {
            return null;
        }
        for (String phrase : PART_OF) {
            int words = phrase.split(" ").length;
            if (first - words < 0) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (int k = first - words; k < first; k++) {
                if (!t.isWord(k) || !t.near(k + 1)) {
                    b = null;
                    break;
                }
                b.append(b.length() == 0 ? "" : " ").append(t.lower(k));
            }
            if (b != null && b.toString().equals(phrase)) {
                return new Units.Unit(previous.unit(), previous.currency(), last);
            }
        }
        return null;
    }

    /**
     * "в 2025 году", "2020–2025 годы", "3797 год": a year, not a count of years ("1000 лет" is a count); and a
     * bare four-digit number after "в"/"с" ("с 1 января 2008 граждане").
     */
    private static boolean isYear(Tokens t, Units.Unit unit, BigDecimal value, BigDecimal valueTo, int number) {
        if (unit.unit().equals("год") && !t.lower(unit.last()).equals("лет")) {
            return isYearNumber(value) || (valueTo != null && isYearNumber(valueTo));
        }
        int w = Qualifiers.wordBefore(t, number);
        return t.isNumber(number) && t.length(number) == 4 && w >= 0 && YEAR_PREPOSITIONS.contains(t.lower(w))
                && value.compareTo(BigDecimal.valueOf(1900)) >= 0 && value.compareTo(BigDecimal.valueOf(2099)) <= 0;
    }

    /** 1, 21, 101 but not 11: the numbers a singular noun follows. */
    private static boolean endsInOne(BigDecimal v) {
        if (v.scale() > 0 || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return v.scale() > 0; // "1,5 тонне" is rare; keep fractions
        }
        int n = v.intValue();
        return n % 10 == 1 && n % 100 != 11;
    }

    private static boolean isYearNumber(BigDecimal v) {
        return v.scale() <= 0 && v.compareTo(BigDecimal.valueOf(1000)) >= 0;
    }

    /** "в 10 часов", "с 8 часов утра до 20 часов", "13 часов 30 минут": a time of day, not a duration. */
    private static boolean isClockTime(Tokens t, Units.Unit unit, int first) {
        if (!unit.unit().equals("час")) {
            return false;
        }
        int w = Qualifiers.wordBefore(t, first);
        if (w >= 0 && TIME_PREPOSITIONS.contains(t.lower(w))) {
            return true;
        }
        if (first < t.size() && t.isWord(first) && TIME_PREPOSITIONS.contains(t.lower(first))) {
            return true; // the qualifier slot took "до"
        }
        int next = unit.last() + 1;
        return t.isWord(next) && t.near(next) && DAY_PARTS.contains(t.lower(next))
                || t.isNumber(next) && t.near(next) && t.isWord(next + 1)
                        && t.lower(next + 1).startsWith("минут");
    }

    /** «100 конкретных шагов», «5 элементов»: the whole quotation is the count, so it is a name (of a plan, a book). */
    private static boolean isQuotedName(Tokens t, int first, int last) {
        return first > 0 && t.attached(first) && (t.isSymbol(first - 1, '«') || t.isSymbol(first - 1, '"'))
                && last + 1 < t.size() && t.attached(last + 1)
                && (t.isSymbol(last + 1, '»') || t.isSymbol(last + 1, '"'));
    }

    /** True when a label noun stands right before the number ("статья 5", "п. 3", "№ 5"). */
    private boolean isLabelled(Tokens t, int first) {
        int p = first - 1;
        if (p < 0) {
            return false;
        }
        if (t.isSymbol(p, '№') || t.isSymbol(p, '#')) {
            return true;
        }
        if (t.isSymbol(p, '.') || t.isSymbol(p, ':')) {
            p--;
        }
        if (!t.isWord(p) || p + 1 >= t.size() || !t.near(p + 1)) {
            return false;
        }
        String lower = t.lower(p);
        if (LABELS.contains(lower)) {
            return true;
        }
        if (lower.length() > 20) {
            return false;
        }
        for (Morphology.Analysis a : Morphology.shared().analyze(lower)) {
            if (a.tag().startsWith("NN:") && LABELS.contains(a.lemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the number at token {@code i}: digits (with thousands groups, a decimal part and a scale word:
     * "1 500", "1,5 млн") or numeral words ("пять миллионов", "двадцать пять"). Null when there is none.
     */
    private Amount read(Tokens t, int i, boolean checkLeft) {
        if (t.isNumber(i)) {
            return readDigits(t, i, checkLeft);
        }
        if (t.isWord(i) && t.length(i) <= 20) {
            return readWords(t, i);
        }
        return null;
    }

    private Amount readDigits(Tokens t, int i, boolean checkLeft) {
        if (checkLeft && i > 0 && t.attached(i)) {
            boolean opener = t.kind(i - 1) == Tokens.SYMBOL && OPENERS.indexOf(t.text().charAt(t.start(i - 1))) >= 0;
            if (!opener) {
                // "Казахстан-2050", "COVID19", "#2026", "+7", "1.2" read from its middle
                return Amount.skip(i, skipRun(t, i));
            }
        }
        int j = i;
        // dd.mm.yyyy, 1.2.3, 10:30, 12/02, 2026-02-18, 123-45-67: not counts
        if ((t.isSymbol(j + 1, '.') || t.isSymbol(j + 1, ',')) && t.attached(j + 1) && t.isNumber(j + 2)
                && t.attached(j + 2) && (t.isSymbol(j + 3, '.') || t.isSymbol(j + 3, ',')) && t.attached(j + 3)
                && t.isNumber(j + 4) && t.attached(j + 4)) {
            return Amount.skip(i, skipRun(t, i));
        }
        if ((t.isSymbol(j + 1, ':') || t.isSymbol(j + 1, '/')) && t.attached(j + 1) && t.isNumber(j + 2)
                && t.attached(j + 2)) {
            return Amount.skip(i, skipRun(t, i));
        }
        if (t.isDash(j + 1) && t.attached(j + 1) && t.attached(j + 2)) {
            Units.Unit noun = t.isWord(j + 2) && CARDINAL_ENDINGS.contains(t.lower(j + 2)) ? units.at(t, j + 3) : null;
            if (noun != null && noun.last() == j + 3) {
                // "23-х арбитров", "13-ю филиалами": a cardinal with its case ending, right before its noun
                // ("2-х комнатная квартира" is one flat)
                return new Amount(new BigDecimal(t.string(j)), i, j + 2, null, false);
            }
            if (t.isWord(j + 2)) {
                return Amount.skip(i, j + 2); // "3-й", "90-е"
            }
            if (t.isNumber(j + 2) && t.isDash(j + 3) && t.attached(j + 3)) {
                return Amount.skip(i, skipRun(t, i));
            }
        }
        StringBuilder digits = new StringBuilder(t.string(j));
        if (t.length(j) <= 3) {
            while (t.isNumber(j + 1) && t.singleSpaced(j + 1) && t.length(j + 1) == 3 && digits.length() <= MAX_DIGITS) {
                digits.append(t.string(j + 1));
                j++;
            }
        }
        if (t.isNumber(j + 1) && t.near(j + 1) && !t.attached(j + 1)) {
            // "8 800 080 7777", "5 6": a run of numbers that is no single number
            return Amount.skip(i, skipRun(t, i));
        }
        if ((t.isSymbol(j + 1, ',') || t.isSymbol(j + 1, '.')) && t.attached(j + 1) && t.isNumber(j + 2)
                && t.attached(j + 2)) {
            digits.append('.').append(t.string(j + 2));
            j += 2;
        }
        if (digits.length() > MAX_DIGITS + 1 + MAX_DIGITS) {
            return Amount.skip(i, j);
        }
        int intDigits = digits.indexOf(".") < 0 ? digits.length() : digits.indexOf(".");
        if (intDigits > MAX_DIGITS) {
            return Amount.skip(i, j);
        }
        BigDecimal value = new BigDecimal(digits.toString());
        int k = j + 1;
        if (t.isWord(k) && t.near(k)) {
            Numerals.Numeral n = Numerals.of(t.lower(k));
            if (n != null && n.kind() == Numerals.Kind.SCALE) {
                int last = n.abbreviation() && t.isSymbol(k + 1, '.') && t.attached(k + 1) ? k + 1 : k;
                BigDecimal total = value.multiply(n.value());
                // "5 млн 300 тыс. тенге": a smaller scale after the first one adds to it
                int m = last + 1;
                if (t.isNumber(m) && t.near(m) && !t.attached(m) && t.length(m) <= 3 && t.isWord(m + 1)
                        && t.near(m + 1)) {
                    Numerals.Numeral smaller = Numerals.of(t.lower(m + 1));
                    if (smaller != null && smaller.kind() == Numerals.Kind.SCALE
                            && smaller.value().compareTo(n.value()) < 0) {
                        total = total.add(new BigDecimal(t.string(m)).multiply(smaller.value()));
                        last = smaller.abbreviation() && t.isSymbol(m + 2, '.') && t.attached(m + 2) ? m + 2 : m + 1;
                    }
                }
                return new Amount(total, i, last, n.value(), false);
            }
            if (t.attached(k) && units.at(t, k) == null) {
                return Amount.skip(i, k); // "5G", "3D"; "10км" is a number and its unit
            }
        }
        return new Amount(value, i, j, null, false);
    }

    /** The last token of a run of digits and the punctuation inside it ("123-45-67", "12.02.2026"). */
    private static int skipRun(Tokens t, int i) {
        int j = i;
        while (j + 1 < t.size() && t.attached(j + 1)
                && (t.isNumber(j + 1) || (t.kind(j + 1) == Tokens.SYMBOL && t.isNumber(j + 2) && t.attached(j + 2)))) {
            j++;
        }
        while (t.isNumber(j + 1) && t.near(j + 1) && !t.attached(j + 1)) {
            j++;
        }
        return j;
    }

    private Amount readWords(Tokens t, int i) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal group = BigDecimal.ZERO;
        int smallest = Integer.MAX_VALUE; // magnitude of the last part of the current group
        BigDecimal scale = null;
        boolean onlyOne = true;
        Qualifier implied = null;
        int last = -1;
        int k = i;
        for (; k < t.size(); k++) {
            if (k > i && (!t.isWord(k) || !t.near(k) || t.attached(k))) {
                break;
            }
            if (t.length(k) > 20) {
                break;
            }
            Numerals.Numeral n = Numerals.of(t.lower(k));
            if (n == null || n.abbreviation()) {
                break;
            }
            if (n.kind() == Numerals.Kind.COLLECTIVE) {
                if (k > i) {
                    break;
                }
                return new Amount(n.value(), i, k, null, false, null, true);
            }
            if (n.kind() == Numerals.Kind.SOME) {
                // "несколько тысяч", "многих десятков": more than one of the scale word that must follow
                Numerals.Numeral next = k > i || !t.isWord(k + 1) || !t.near(k + 1) || t.attached(k + 1)
                        || t.length(k + 1) > 20 ? null : Numerals.of(t.lower(k + 1));
                if (next == null || next.kind() != Numerals.Kind.SCALE || next.abbreviation() || next.singular()) {
                    return last < 0 ? null : new Amount(total.add(group), i, last, scale, false, implied, false);
                }
                group = BigDecimal.ONE;
                implied = Qualifier.MORE_THAN;
                onlyOne = false;
                smallest = 1;
                last = k;
                continue;
            }
            if (n.kind() == Numerals.Kind.SCALE) {
                if (group.signum() == 0) {
                    if (k > i) {
                        // "десятки тысяч", "сотни миллионов": an inexact count of the larger scale
                        if (implied == Qualifier.MORE_THAN && scale != null && !n.singular()
                                && n.value().compareTo(scale) > 0) {
                            total = total.multiply(n.value());
                            scale = n.value();
                            last = k;
                            continue;
                        }
                        break;
                    }
                    if (standsAlone(t, i, n)) {
                        implied = n.approximate() ? Qualifier.ABOUT : null;
                    } else {
                        // "тысячи демонстрантов", "десятки людей": more than one of them
                        implied = Qualifier.MORE_THAN;
                    }
                    group = BigDecimal.ONE;
                }
                total = total.add(group.multiply(n.value()));
                group = BigDecimal.ZERO;
                smallest = Integer.MAX_VALUE;
                scale = n.value();
                onlyOne = false;
                last = k;
                continue;
            }
            int magnitude = magnitude(n.kind());
            if (magnitude >= smallest || (n.kind() == Numerals.Kind.HALF && group.signum() != 0)) {
                break;
            }
            if (smallest == 1 && (n.kind() == Numerals.Kind.TEEN)) {
                break;
            }
            group = group.add(n.value());
            smallest = n.kind() == Numerals.Kind.TEEN ? 1 : magnitude;
            onlyOne &= n.kind() == Numerals.Kind.ONE;
            last = k;
        }
        if (last < 0) {
            return null;
        }
        if (onlyOne) {
            // "один из", "одна встреча": a determiner far more often than a count
            return Amount.skip(i, last);
        }
        return new Amount(total.add(group), i, last, scale, false, implied, false);
    }

    /** "тысяча человек", "около миллиона": a scale word that counts one thousand/million by itself. */
    private static boolean standsAlone(Tokens t, int i, Numerals.Numeral n) {
        if (n.singular()) {
            return true;
        }
        return Numerals.SINGULAR_OR_PLURAL.contains(t.lower(i))
                && Qualifiers.before(t, i).qualifier() != Qualifier.EXACT;
    }

    private static int magnitude(Numerals.Kind kind) {
        return switch (kind) {
            case ONE, UNIT, HALF, COLLECTIVE, SOME -> 1;
            case TEEN, TEN -> 2;
            case HUNDRED -> 3;
            case SCALE -> 4;
        };
    }
}
