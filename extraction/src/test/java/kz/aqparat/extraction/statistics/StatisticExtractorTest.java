package kz.aqparat.extraction.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aqparat.contracts.Statistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatisticExtractorTest {

    private static final StatisticExtractor EXTRACTOR = StatisticExtractor.load();
    private static final Path SAMPLES = Path.of("..", "samples", "articles");

    /** value, qualifier, unit, currency and the text, as a careful reader would list them. */
    private static List<String> described(String text) {
        return EXTRACTOR.extract(text).stream().map(StatisticExtractorTest::describe).collect(Collectors.toList());
    }

    private static String describe(Statistic s) {
        return s.value().toPlainString() + (s.valueTo() == null ? "" : ".." + s.valueTo().toPlainString()) + " "
                + s.qualifier() + " " + s.unit() + (s.currency() == null ? "" : " " + s.currency()) + " «" + s.text()
                + "»";
    }

    private static String sample(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(file);
        }
    }

    @Test
    void sample000HasNoStatistic() throws IOException {
        // "В 90-е годы" is a decade, "одним из единственных" no count
        assertEquals(List.of(), described(sample("000_")));
    }

    @Test
    void sample001() throws IOException {
        assertEquals(List.of(
                "400 MORE_THAN сотрудник «более 400 сотрудников»",
                "300 ABOUT человек «около 300 человек»",
                "200 ABOUT сельхозтоваропроизводитель «около 200 сельхозтоваропроизводителей»",
                "5 EXACT партия «пять политических партий»",
                "300 ABOUT организация «около 300 общественных организаций»",
                "5000000 ABOUT казахстанец «примерно пять миллионов казахстанцев»"),
                described(sample("001_")));
    }

    @Test
    void sample002HasNoStatisticInItsHeadingOrBody() throws IOException {
        // heading "3 марта 2026 г. 5:00 6 Ербол Тишкамбаев": a date, a time and a view counter
        assertEquals(List.of(), described(sample("002_")));
    }

    @Test
    void sample003HasNoStatistic() throws IOException {
        assertEquals(List.of(), described(sample("003_")));
    }

    @Test
    void sample004() throws IOException {
        assertEquals(List.of(
                "200 MORE_THAN сотрудник «более 200 сотрудников»",
                "5000 MORE_THAN человек «более 5 тысяч человек»"),
                described(sample("004_")));
    }

    @Test
    void offsetsPointAtTheText() throws IOException {
        String text = sample("001_");
        for (Statistic s : EXTRACTOR.extract(text)) {
            assertEquals(s.text(), text.substring(s.start(), s.end()));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "более 400 сотрудников|400 MORE_THAN сотрудник «более 400 сотрудников»",
        "Коллектив численностью более 5 тысяч человек.|5000 MORE_THAN человек «более 5 тысяч человек»",
        "не менее 10 школ|10 AT_LEAST школа «не менее 10 школ»",
        "не более 100 евро|100 AT_MOST евро EUR «не более 100 евро»",
        "до 15 человек|15 AT_MOST человек «до 15 человек»",
        "свыше 1,5 млн тенге|1500000 MORE_THAN тенге KZT «свыше 1,5 млн тенге»",
        "почти 40% граждан|40 ABOUT % «почти 40%»",
        "менее 5 процентов|5 LESS_THAN % «менее 5 процентов»",
        "порядка 300 млрд тенге|300000000000 ABOUT тенге KZT «порядка 300 млрд тенге»",
        "от 10 до 15 человек|10..15 EXACT человек «от 10 до 15 человек»",
        "10–15 тыс. тенге|10000..15000 EXACT тенге KZT «10–15 тыс. тенге»",
        "на $5 млн|5000000 EXACT доллар USD «$5 млн»",
        "100 долларов США|100 EXACT доллар USD «100 долларов США»",
        "200 млн рублей|200000000 EXACT рубль RUB «200 млн рублей»",
        "1 500 000 рублей|1500000 EXACT рубль RUB «1 500 000 рублей»",
        "более чем 400 человек|400 MORE_THAN человек «более чем 400 человек»",
        "по меньшей мере 3 человека|3 AT_LEAST человек «по меньшей мере 3 человека»",
        "как минимум 7 случаев|7 AT_LEAST случай «как минимум 7 случаев»",
        "чуть более 20 километров|20 MORE_THAN километр «чуть более 20 километров»",
        "двадцать пять работников|25 EXACT работник «двадцать пять работников»",
        "сто двадцать три ребенка|123 EXACT ребёнок «сто двадцать три ребенка»",
        "одна тысяча двести человек|1200 EXACT человек «одна тысяча двести человек»",
        "полтора миллиона тенге|1500000 EXACT тенге KZT «полтора миллиона тенге»",
        "около миллиона человек|1000000 ABOUT человек «около миллиона человек»",
        "200 рабочих завода|200 EXACT рабочий «200 рабочих»",
        "в 2025 году 300 человек|300 EXACT человек «300 человек»",
        "Эти два варианта|2 EXACT вариант «два варианта»",
        "25 миллиардов долларов кредитов|25000000000 EXACT доллар USD «25 миллиардов долларов»",
        "бюджет 5 млн 300 тыс. тенге|5300000 EXACT тенге KZT «5 млн 300 тыс. тенге»",
        "в 21 школе|21 EXACT школа «21 школе»",
        "в 5 школах|5 EXACT школа «5 школах»",
        "«Пришли более 300 человек», – сказал он|300 MORE_THAN человек «более 300 человек»",
    })
    void readsCountsWithQualifierAndUnit(String text, String expected) {
        assertEquals(List.of(expected), described(text));
    }

    @Test
    void aChangeFromOneValueToAnotherIsTwoCounts() {
        assertEquals(List.of("10 EXACT % «с 10»", "15 EXACT % «15 %»"), described("доля выросла с 10 до 15 %"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "в 2025 году", "2026 год стал", "3 марта 2026 г. 5:00 6 Ербол Тишкамбаев", "12 февраля", "12.02.2026 года",
        "2020–2025 годы", "3-й раз", "В 90-е годы", "в 90-х годах", "второй год", "тел. 8 (7172) 74-07-00 человек",
        "+7 701 123 45 67 абонент", "школа № 5", "Школа №5 района", "Казахстан-2050", "статья 5 Конституции",
        "п. 3 статьи", "#2026 год", "одним из единственных", "в 10 часов утра", "COVID-19 больных",
        "сеть 5G операторов", "31 февраля", "1.2.3 версии", "с 1 января 2008 граждане России", "21 мая",
        "3797 год — кончина", "учится в 5 классе", "план нации «100 конкретных шагов»", "на 3 этаже", "около 7 вечера", "открыты с 8 часов утра до 20 часов", "Начало — 13 часов 30 минут",
        // durations and ages are no statistics
        "в течение 1000 лет", "работал 8 часов подряд", "более 15 лет", "в возрасте 67 лет", "на пять лет",
        "через 6 дней", "занял 13 суток", "два месяца назад", "Контроль времени — 2 часа", "тысячи лет",
        // points of a score; a compound adjective written with digits
        "набрал 8,5 очков", "2-х комнатная квартира",
    })
    void isNoStatistic(String text) {
        assertEquals(List.of(), described(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // number words: collective numerals, inexact plurals of scale words, "несколько тысяч"
        "погибли трое|3 EXACT человек «трое»",
        "спасли пятерых детей|5 EXACT ребёнок «пятерых детей»",
        "Тысячи демонстрантов собрались|1000 MORE_THAN демонстрант «Тысячи демонстрантов»",
        "пришли десятки людей|10 MORE_THAN человек «десятки людей»",
        "сотни жителей|100 MORE_THAN житель «сотни жителей»",
        "собрали десятки тысяч зрителей|10000 MORE_THAN зритель «десятки тысяч зрителей»",
        "Сотни тысяч граждан|100000 MORE_THAN гражданин «Сотни тысяч граждан»",
        "несколько тысяч человек|1000 MORE_THAN человек «несколько тысяч человек»",
        "около десятка заявок|10 ABOUT заявка «около десятка заявок»",
        "около сотни человек|100 ABOUT человек «около сотни человек»",
        // adjectives between the number and the noun, multipliers
        "около 2000 местных жителей|2000 ABOUT житель «около 2000 местных жителей»",
        "более 300 тысяч зрителей|300000 MORE_THAN зритель «более 300 тысяч зрителей»",
        // digits with a case ending
        "назвал имена 23-х арбитров|23 EXACT арбитр «23-х арбитров»",
        "управляющим 13-ю филиалами|13 EXACT филиал «13-ю филиалами»",
    })
    void readsNumberWords(String text, String expected) {
        assertEquals(List.of(expected), described(text));
    }

    @Test
    void aUnitSharedAcrossACoordinationCountsForEachNumber() {
        assertEquals(List.of("7 EXACT человек «7»", "12 EXACT человек «12 человек»"),
                described("ранены 7 и госпитализированы 12 человек"));
        assertEquals(List.of("10 EXACT % «10»", "20 EXACT % «20»", "30 EXACT % «30 процентов»"),
                described("10, 20 и 30 процентов"));
        // each its own noun: no sharing
        assertEquals(List.of("7 EXACT ребёнок «7 детей»", "12 EXACT взрослый «12 взрослых»"),
                described("7 детей и 12 взрослых"));
        // dates stay dates
        assertEquals(List.of(), described("12 и 13 марта"));
        assertEquals(List.of(), described("в 2008 и 2009 годах"));
    }

    @Test
    void aNumberAfterFromThemCountsWhatTheStatisticBeforeItCounted() {
        assertEquals(List.of("250 EXACT участник «250 участников»", "40 EXACT участник «40»"),
                described("250 участников, из них 40 иностранных"));
    }

    @Test
    void eachStatisticSaysItsKind() {
        assertEquals(List.of(Statistic.Kind.COUNT, Statistic.Kind.MONEY, Statistic.Kind.PERCENT,
                Statistic.Kind.MEASURE, Statistic.Kind.MONEY),
                EXTRACTOR.extract("Приехали 300 человек, собрали 5 млн тенге, это 40% плана; прошли 20 км и "
                        + "потратили 10 тысяч кипрских фунтов.").stream().map(Statistic::kind).toList());
    }
}
