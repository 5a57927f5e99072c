package kz.aqparat.extraction.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import org.junit.jupiter.api.Test;

/** Places a reader finds by grammar and context, whether or not a gazetteer lists them. */
class LocationRulesTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.load();

    /** "name (region) [mention, ...]" of every location, in the extractor's order. */
    private static List<String> locations(String text) {
        return EXTRACTOR.extract(text).entities().stream().filter(e -> e.type() == EntityType.LOCATION)
                .map(LocationRulesTest::describe).toList();
    }

    private static String describe(Entity e) {
        return e.name() + " (" + e.region() + ") " + e.mentions().stream().map(m -> m.text()).toList();
    }

    @Test
    void coordinatedRegionAdjectivesSharingOneHeadAreEachALocationWithItsRegion() {
        assertEquals(List.of("Акмолинская область (Акмолинская область) [Акмолинской областей]",
                "Павлодарская область (Павлодарская область) [Павлодарской]"),
                locations("Фермеры Павлодарской и Акмолинской областей собрали урожай."));
        assertEquals(List.of("Акмолинская область (Акмолинская область) [Акмолинской областях]",
                "Костанайская область (Костанайская область) [Костанайской]",
                "Северо-Казахстанская область (Северо-Казахстанская область) [Северо-Казахстанской]"),
                locations("Дожди прошли в Костанайской, Северо-Казахстанской и Акмолинской областях."));
        // outside Kazakhstan: no region, the same naming
        assertEquals(List.of("Свердловская область (null) [Свердловской]",
                "Кировская область (null) [Кировской областей]"),
                locations("жители Свердловской и Кировской областей"));
    }

    @Test
    void aRegionAdjectiveIsTheRegionNotTheTownItComesFrom() {
        assertEquals(List.of("Свердловская область (null) [Свердловской области]"),
                locations("Он живёт в Свердловской области."));
        assertEquals(List.of("Северо-Кавказский федеральный округ (null) [Северо-Кавказском федеральном округе]"),
                locations("Полпред работает в Северо-Кавказском федеральном округе."));
    }

    @Test
    void anyCapitalisedAdjectiveMidSentenceBeforeARegionNounNamesTheRegion() {
        assertEquals(List.of("Дальневосточный федеральный округ (null) [Дальневосточном федеральном округе]"),
                locations("В результате в Дальневосточном федеральном округе разница сократилась."));
        assertEquals(List.of("Центральный округ (null) [Центральном округе]"),
                locations("Трассу открыли 6 сентября в Центральном округе столицы."));
        assertEquals(List.of("Гагаузская автономия (null) [Гагаузской автономии]"),
                locations("Он назвал себя партнёром Гагаузской автономии."));
        // opening a sentence, the capital says nothing
        assertEquals(List.of(), locations("Центральный район города закрыт."));
    }

    @Test
    void anAgreeingAdjectiveIsPartOfAPlacesName() {
        assertEquals(List.of("Северная Африка (null) [Северной Африки]",
                "Западный Иерусалим (null) [Западном Иерусалиме]"),
                locations("Беженцы из Северной Африки прибыли в Западном Иерусалиме."));
        assertEquals(List.of("западная Европа (null) [западной Европы]"), locations("федерации стран западной Европы"));
        // other adjectives do not make a part of the place: a slogan
        assertEquals(List.of("Казахстан (null) [Казахстана]"), locations("на пути построения Справедливого Казахстана"));
    }

    @Test
    void aCapitalisedAdjectiveBeforeANounOfANamedPlaceIsThatPlaceNamedInTheNominative() {
        assertEquals(List.of("Манежная площадь (null) [Манежной площади]"),
                locations("Митинг прошёл на Манежной площади в воскресенье."));
        assertEquals(List.of("Кронштадтский бульвар (null) [Кронштадтскому бульвару]"),
                locations("Колонна прошла по Кронштадтскому бульвару."));
        assertEquals(List.of("Боденское озеро (null) [Боденским озером]"),
                locations("Самолёт разбился над Боденским озером."));
        assertEquals(List.of("Капшагайское водохранилище (null) [Капшагайском водохранилище]"),
                locations("Отдыхающие собрались на Капшагайском водохранилище."));
    }

    @Test
    void aCapitalAtTheStartOfASentenceOrALowerCaseAdjectiveMakesNoNamedPlace() {
        assertEquals(List.of(), locations("Центральная площадь была полна людей."));
        assertEquals(List.of(), locations("На центральной площади поставили ёлку."));
        assertEquals(List.of(), locations("Старое кладбище закрыли."));
    }

    @Test
    void anUnknownCapitalisedWordAfterAPrepositionOfPlaceIsAPlace() {
        assertEquals(List.of("Тусон (null) [Тусоне]"), locations("Стрельба произошла в Тусоне в субботу."));
        assertEquals(List.of("Ньюпорт (null) [Ньюпорте]"), locations("на заводе, расположенном в Ньюпорте"));
        // a given name is no place
        assertEquals(List.of(), locations("Он думал об этом в Айгерим-апа не раз."));
    }

    @Test
    void aCapitalisedIndeclinableOrPluralOnlyNounAfterAPrepositionOfPlaceIsAPlace() {
        // named in the dictionary's nominative
        assertEquals(List.of("Лужники (null) [Лужниках]"), locations("Велодорожку открыли в Лужниках."));
        assertEquals(List.of("Ступино (null) [Ступино]"), locations("Завод построят в Ступино, к югу от города."));
        assertEquals(List.of("Тарту (null) [Тарту]"), locations("Хотя в Тарту дело пошло."));
        // a declining noun capitalised mid-sentence is mostly a document or an institution, not a place
        assertEquals(List.of(), locations("Это закреплено в Конституции страны."));
        assertEquals(List.of(), locations("Об этом говорили в Интернете."));
    }

    @Test
    void aPlaceBeforeAFullNameIsThePlace() {
        EntityExtractor.Result r = EXTRACTOR.extract("Президент Ирана Махмуд Ахмадинежад заявил.");
        assertEquals(List.of("PERSON Махмуд Ахмадинежад", "LOCATION Иран"),
                r.entities().stream().map(e -> e.type() + " " + e.name()).toList());
    }

    @Test
    void aQuotedNameAfterANounOfAPlaceKindIsThatPlace() {
        assertEquals(List.of("Домодедово (null) [Домодедово]"),
                locations("Самолёт приземлился в столичном аэропорту «Домодедово»."));
        assertEquals(List.of("Рыбацкое (null) [Рыбацкое]"), locations("сброс, идущий из промзоны «Рыбацкое»"));
    }

    @Test
    void aWorkOrVehicleNamedAfterAPlaceOrAPersonIsNeither() {
        assertEquals(List.of(), locations("после гибели шаттла «Колумбия» полёты прекратились"));
        assertEquals(List.of(), EXTRACTOR.extract("новый пилотируемый корабль «Орион» полетит в 2014 году")
                .entities().stream().map(e -> e.name()).toList());
    }

    @Test
    void aNameAfterAPlaceWordIsAPlaceEvenWhereTheDictionaryAlsoReadsAVerb() {
        // "нарву" of "нарвать"
        assertEquals(List.of("Нарва (null) [Нарву]"), locations("канал, проложенный через пограничную реку Нарву"));
    }
}
