package kz.aqparat.extraction.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.extraction.morphology.Morphology;
import kz.aqparat.extraction.text.Tokens;

/**
 * What a number counts: the noun after it (through agreeing adjectives: "пять политических партий" counts
 * "партия"), a percent sign or word, or a currency.
 */
final class Units {

    /**
     * @param unit     lemma, "%" or the currency's lemma; {@code last} is the unit's last token
     * @param singularOblique the noun can only be a singular in the dative, instrumental or prepositional case:
     *                 after a number other than one that makes the number an ordinal ("в 5 классе")
     */
    record Unit(String unit, String currency, int last, boolean singularOblique) {
        Unit(String unit, String currency, int last) {
            this(unit, currency, last, false);
        }
    }

    static final String PERCENT = "%";

    private static final int MAX_WORD = 40;
    private static final int MAX_ADJECTIVES = 3;

    /** Currency lemmas and signs with their ISO 4217 codes. */
    private static final Map<String, String> CURRENCIES = Map.of(
            "тенге", "KZT", "рубль", "RUB", "доллар", "USD", "евро", "EUR", "юань", "CNY");

    private static final Map<Character, String> SIGNS = Map.of('$', "доллар", '€', "евро", '₽', "рубль",
            '₸', "тенге", '¥', "юань");

    /** Abbreviations that are units, with the lemma they stand for; read with or without a final dot. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("тг", "тенге"), Map.entry("руб", "рубль"), Map.entry("долл", "доллар"),
            Map.entry("usd", "доллар"), Map.entry("kzt", "тенге"), Map.entry("eur", "евро"), Map.entry("rub", "рубль"),
            Map.entry("км", "километр"), Map.entry("кг", "килограмм"), Map.entry("га", "гектар"),
            Map.entry("мм", "миллиметр"), Map.entry("см", "сантиметр"), Map.entry("мвт", "мегаватт"),
            Map.entry("квт", "киловатт"), Map.entry("гвт", "гигаватт"), Map.entry("чел", "человек"),
            Map.entry("шт", "штука"), Map.entry("ед", "единица"), Map.entry("кв", "квадратный"));

    private static final Set<String> MONTHS = Set.of("январь", "февраль", "март", "апрель", "май", "июнь", "июль",
            "август", "сентябрь", "октябрь", "ноябрь", "декабрь");

    private static final Set<String> MONTH_FORMS = Set.of("января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря");

    /** Units of time: a number of them is a duration or an age ("более 15 лет", "на пять лет"), not a statistic. */
    private static final Set<String> TIME = Set.of("год", "месяц", "неделя", "день", "сутки", "час", "минута",
            "секунда", "век", "столетие", "десятилетие", "тысячелетие", "полугодие", "квартал", "мгновение",
            "миллисекунда", "ночь", "вечер", "утро");

    /** Units of measure (lemmas): a number of them is a MEASURE. */
    private static final Set<String> MEASURES = Set.of("километр", "метр", "сантиметр", "миллиметр", "нанометр",
            "микрон", "микрометр", "миля", "фут", "дюйм", "ярд", "килограмм", "грамм", "миллиграмм", "тонна",
            "центнер", "карат", "гектар", "сотка", "акр", "литр", "миллилитр", "баррель", "кубометр", "градус",
            "ватт", "киловатт", "мегаватт", "гигаватт", "киловатт-час", "вольт", "ампер", "калория", "килокалория",
            "джоуль", "байт", "килобайт", "мегабайт", "гигабайт", "терабайт", "бит", "герц", "мегагерц", "гигагерц",
            "узел", "бар", "паскаль", "децибел", "квадратный", "кубический", "рентген", "зиверт", "беккерель");

    /** Currencies without an ISO code here (or more than one country's): still MONEY. */
    private static final Set<String> OTHER_MONEY = Set.of("фунт", "иена", "йена", "франк", "рупия", "лира", "гривна",
            "сом", "сум", "манат", "лари", "драм", "вона", "крона", "злотый", "динар", "дирхам", "риал", "реал",
            "песо", "бат", "шекель", "ринггит", "форинт", "лей", "лев", "тугрик", "биткоин", "копейка", "цент",
            "тиын");

    private final Morphology morphology;

    Units(Morphology morphology) {
        this.morphology = morphology;
    }

    static boolean isDuration(String lemma) {
        return TIME.contains(lemma);
    }

    static kz.aqparat.contracts.Statistic.Kind kindOf(String lemma, String currency) {
        if (currency != null || OTHER_MONEY.contains(lemma)) {
            return kz.aqparat.contracts.Statistic.Kind.MONEY;
        }
        if (PERCENT.equals(lemma)) {
            return kz.aqparat.contracts.Statistic.Kind.PERCENT;
        }
        return MEASURES.contains(lemma) ? kz.aqparat.contracts.Statistic.Kind.MEASURE
                : kz.aqparat.contracts.Statistic.Kind.COUNT;
    }

    /** A verb or participle (not also a noun): "ранены 7 и госпитализированы 12 человек". */
    boolean isVerbal(Tokens t, int k) {
        if (t.length(k) > MAX_WORD || t.isCapitalised(k)) {
            return false;
        }
        boolean verbal = false;
        for (Morphology.Analysis a : morphology.analyze(t.lower(k))) {
            if (a.tag().startsWith("NN") || a.tag().startsWith("ADJ")) {
                return false;
            }
            verbal |= a.tag().startsWith("VB") || a.tag().startsWith("PT");
        }
        return verbal;
    }

    static String currencyOf(String lemma) {
        return CURRENCIES.get(lemma);
    }

    static String signLemma(char c) {
        // asked of every symbol of the text: most are none of the signs, so no boxed lookup for them
        if (c < 0x80) {
            return c == '$' ? SIGNS.get(c) : null;
        }
        return SIGNS.get(c);
    }

    /** A month name after a day number: the number is a date. */
    static boolean isMonth(Tokens t, Unit unit) {
        return MONTHS.contains(unit.unit()) || (t.isWord(unit.last()) && MONTH_FORMS.contains(t.lower(unit.last())));
    }

    /** The unit starting at token {@code i} (right after a number), or null. */
    Unit at(Tokens t, int i) {
        if (i >= t.size() || !t.near(i)) {
            return null;
        }
        if (t.kind(i) == Tokens.SYMBOL) {
            char c = t.text().charAt(t.start(i));
            if (c == '%') {
                return new Unit(PERCENT, null, i);
            }
            String sign = SIGNS.get(c);
            return sign == null ? null : new Unit(sign, CURRENCIES.get(sign), i);
        }
        if (t.kind(i) != Tokens.WORD || t.length(i) > MAX_WORD) {
            return null;
        }
        String lower = t.lower(i);
        String abbreviation = ABBREVIATIONS.get(lower);
        if (abbreviation != null) {
            int last = t.isSymbol(i + 1, '.') && t.attached(i + 1) ? i + 1 : i;
            return new Unit(abbreviation, CURRENCIES.get(abbreviation), last);
        }
        if (lower.equals("тенге") || lower.equals("евро")) {
            return new Unit(lower, CURRENCIES.get(lower), i);
        }
        for (int k = i, adjectives = 0; k < t.size() && adjectives <= MAX_ADJECTIVES; k++, adjectives++) {
            if (k > i && (!t.isWord(k) || !t.near(k) || t.attached(k) || t.length(k) > MAX_WORD)) {
                return null;
            }
            if (t.isCapitalised(k) || !isCyrillic(t.text().charAt(t.start(k)))) {
                return null;
            }
            String word = t.lower(k);
            List<Morphology.Analysis> readings = morphology.analyze(word);
            if (readings.isEmpty()) {
                String lemma = guessNoun(word);
                return lemma == null ? null : unit(lemma, k, t);
            }
            if (isAdjective(readings) && k + 1 < t.size() && agreesWithNext(t, readings, k + 1)) {
                continue;
            }
            String noun = nounLemma(word, readings);
            if (noun == null) {
                return null;
            }
            Unit unit = unit(noun, k, t);
            return singularOblique(readings) ? new Unit(unit.unit(), unit.currency(), unit.last(), true) : unit;
        }
        return null;
    }

    private Unit unit(String lemma, int k, Tokens t) {
        if (lemma.equals("процент")) {
            return new Unit(PERCENT, null, k);
        }
        String currency = CURRENCIES.get(lemma);
        int last = k;
        if ("USD".equals(currency) && t.isWord(k + 1) && t.near(k + 1) && t.string(k + 1).equals("США")) {
            last = k + 1;
        }
        return new Unit(lemma, currency, last);
    }

    private static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    private static boolean isAdjective(List<Morphology.Analysis> readings) {
        for (Morphology.Analysis a : readings) {
            if (isFullAdjective(a)) {
                return true;
            }
        }
        return false;
    }

    /** An attributive adjective or participle; short forms ("долларов" of "долларовый") never stand before a noun. */
    private static boolean isFullAdjective(Morphology.Analysis a) {
        return (a.tag().startsWith("ADJ:") || a.tag().startsWith("PT:")) && !a.hasTag("Short");
    }

    /** True when an adjective reading of this word agrees in number and case with a noun reading of the next. */
    private boolean agreesWithNext(Tokens t, List<Morphology.Analysis> readings, int next) {
        if (!t.isWord(next) || !t.near(next) || t.attached(next) || t.length(next) > MAX_WORD
                || t.isCapitalised(next)) {
            return false;
        }
        List<Morphology.Analysis> nextReadings = morphology.analyze(t.lower(next));
        for (Morphology.Analysis a : readings) {
            if (!isFullAdjective(a)) {
                continue;
            }
            String[] at = a.tag().split(":");
            for (Morphology.Analysis n : nextReadings) {
                if (!isCommonNoun(n) && !isFullAdjective(n)) {
                    continue;
                }
                String[] nt = n.tag().split(":");
                if (plural(at) == plural(nt) && at[at.length - 1].equals(nt[nt.length - 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean singularOblique(List<Morphology.Analysis> readings) {
        boolean any = false;
        for (Morphology.Analysis a : readings) {
            if (!isCommonNoun(a)) {
                continue;
            }
            if (!a.hasTag("Sin") || !(a.hasTag("D") || a.hasTag("T") || a.hasTag("P"))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean plural(String[] tag) {
        for (String p : tag) {
            if (p.equals("PL")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCommonNoun(Morphology.Analysis a) {
        return a.tag().startsWith("NN:") && !a.hasTag("Name") && !a.hasTag("Fam") && !a.hasTag("Patr");
    }

    private static String nounLemma(String word, List<Morphology.Analysis> readings) {
        if (word.equals("лет")) {
            return "год";
        }
        // after a number a noun is rarely a nominative singular: "два варианта" is "вариант", not "варианта"
        String nominative = null;
        for (Morphology.Analysis a : readings) {
            if (isCommonNoun(a)) {
                if (!(a.hasTag("Sin") && a.hasTag("Nom"))) {
                    return a.lemma();
                }
                if (nominative == null) {
                    nominative = a.lemma();
                }
            }
        }
        return nominative;
    }

    /**
     * A lemma for a compound the dictionary lacks ("сельхозтоваропроизводителей"): the longest known noun it ends
     * with ("производителей" → "производитель"), with the leading part kept.
     */
    private String guessNoun(String word) {
        for (int p = 1; p <= word.length() - 5; p++) {
            String tail = word.substring(p);
            for (Morphology.Analysis a : morphology.analyze(tail)) {
                if (isCommonNoun(a)) {
                    return word.substring(0, p) + a.lemma();
                }
            }
        }
        return null;
    }
}
