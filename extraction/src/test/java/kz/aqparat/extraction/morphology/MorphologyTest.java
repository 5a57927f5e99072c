package kz.aqparat.extraction.morphology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MorphologyTest {

    private static final Morphology MORPHOLOGY = Morphology.load();

    @Test
    void lemmatisesInflectedNouns() {
        assertTrue(MORPHOLOGY.analyze("сотрудников").stream().anyMatch(a -> a.lemma().equals("сотрудник")),
                () -> MORPHOLOGY.analyze("сотрудников").toString());
        assertTrue(MORPHOLOGY.analyze("Человек").stream().anyMatch(a -> a.lemma().equals("человек")));
    }

    @Test
    void unknownWordHasNoReading() {
        assertTrue(MORPHOLOGY.analyze("Тишкамбаевщинаыы").isEmpty());
    }
}
