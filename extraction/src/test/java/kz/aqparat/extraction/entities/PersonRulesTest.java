package kz.aqparat.extraction.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kz.aqparat.contracts.EntityType;
import org.junit.jupiter.api.Test;

/** Persons a reader finds from given names, surnames and where they stand in the sentence. */
class PersonRulesTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.load();

    /** "name [mention, ...]" of every person, in the extractor's order. */
    private static List<String> persons(String text) {
        return EXTRACTOR.extract(text).entities().stream().filter(e -> e.type() == EntityType.PERSON)
                .map(e -> e.name() + " " + mentions(text).get(0)).toList();
    }

    /** The mentions of each person. */
    private static List<List<String>> mentions(String text) {
        return EXTRACTOR.extract(text).entities().stream().filter(e -> e.type() == EntityType.PERSON)
                .map(e -> e.mentions().stream().map(m -> m.text()).toList()).toList();
    }

    @Test
    void aCapitalisedWordAfterAGivenNameIsTheSurnameEvenWhereTheDictionaryReadsAVerb() {
        // "Кану" (кануть), "Мерк" (меркнуть); a surname the dictionary reads otherwise keeps its case in the name
        assertEquals(List.of(List.of("Оливеру Кану")), mentions("Тренеры сообщили это решение Оливеру Кану."));
        assertEquals(List.of("Маркус Мерк [Маркус Мерк]"), persons("Матч судил Маркус Мерк из Германии."));
    }

    @Test
    void aGivenNameOpeningASentenceStillTakesItsSurname() {
        assertEquals(List.of(List.of("Виктору Буту", "Буту")),
                mentions("Виктору Буту впервые разрешили свидание с семьёй. Буту предъявили обвинения."));
    }

    @Test
    void aCommonWordOpeningASentenceIsNoPartOfTheNameAfterIt() {
        assertEquals(List.of("Александр Белов [Александр Белов]"),
                persons("Сам Александр Белов на акцию не пришёл."));
        assertEquals(List.of("Ираклий Лолашвили [Ираклий Лолашвили]"),
                persons("Архитектор Ираклий Лолашвили представил проект."));
    }

    @Test
    void threeOrMoreCapitalisedOneSyllableWordsInARowAreAnEastAsianName() {
        assertEquals(List.of(List.of("Аун Сан Су Чжи", "Аун Сан Су Чжи")),
                mentions("Выпущена Аун Сан Су Чжи. Сторонники приветствовали Аун Сан Су Чжи на митинге."));
        assertEquals(List.of(List.of("Ли Со Ён")), mentions("Мне и Ли Со Ён помогли выбраться из корабля."));
    }

    @Test
    void anAdjectiveAfterAGivenNameIsItsEpithetEvenWhereAPlaceHasThatName() {
        EntityExtractor.Result r = EXTRACTOR.extract("Он ведёт себя, словно царь Иоанн Грозный.");
        assertEquals(List.of("PERSON Иоанн Грозный"), r.entities().stream().map(e -> e.type() + " " + e.name()).toList());
        // the town after a name in another case stays a town
        assertEquals(List.of("LOCATION Грозный"), EXTRACTOR.extract("Вчера в Грозный приехал министр.")
                .entities().stream().map(e -> e.type() + " " + e.name()).toList());
    }
}
