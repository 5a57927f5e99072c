package kz.aqparat.extraction.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kz.aqparat.contracts.EntityType;
import org.junit.jupiter.api.Test;

/** Organisations a reader finds by how their names are built: a head noun, its complements, its context. */
class OrganisationRulesTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.load();

    /** The text of every organisation mention, in the extractor's order. */
    private static List<String> organisations(String text) {
        return EXTRACTOR.extract(text).entities().stream().filter(e -> e.type() == EntityType.ORGANIZATION)
                .flatMap(e -> e.mentions().stream().map(m -> m.text())).toList();
    }

    @Test
    void anOrdinaryAdjectiveAndNounOpeningASentenceAreNoName() {
        // the capital is the sentence's: "рабочая группа", "международная организация", "авиационное управление"
        assertEquals(List.of(), organisations("Рабочая группа продолжит проверку."));
        assertEquals(List.of(), organisations("Международная организация потратит 29 миллионов."));
        assertEquals(List.of(), organisations("Однако тревога была ложной. Авиационное управление сообщило об этом."));
        assertEquals(List.of(), organisations("Правозащитные организации выступают против."));
        // a place adjective or a body's own noun still names one, and so do longer names
        assertEquals(List.of("Лондонская полиция"), organisations("Лондонская полиция сообщила об арестах."));
        assertEquals(List.of("Футбольная ассоциация"), organisations("Футбольная ассоциация провела заседание."));
        assertEquals(List.of("Федеральное авиационное управление"),
                organisations("Федеральное авиационное управление сообщило об этом."));
    }

    /** "type: mention" of every entity, in the extractor's order. */
    private static List<String> entities(String text) {
        return EXTRACTOR.extract(text).entities().stream()
                .flatMap(e -> e.mentions().stream().map(m -> e.type() + ": " + m.text())).toList();
    }

    @Test
    void aBodysRemitParentOrCauseAfterItsHeadIsPartOfItsName() {
        assertEquals(List.of("Следственного комитета при прокуратуре"),
                organisations("представитель Следственного комитета при прокуратуре заявил"));
        assertEquals(List.of("Движения против нелегальной иммиграции"),
                organisations("лидер Движения против нелегальной иммиграции заявил"));
        assertEquals(List.of("ORGANIZATION: Совета при Президенте РФ по развитию информационного общества"),
                entities("На заседании Совета при Президенте РФ по развитию информационного общества решили"));
    }

    @Test
    void aPlaceBetweenABodyAndItsRemitOrInsideItIsPartOfTheName() {
        assertEquals(List.of("ORGANIZATION: Бюро США по патентам и товарным знакам"),
                entities("Несколько дней назад Бюро США по патентам и товарным знакам отказало."));
        assertEquals(List.of("ORGANIZATION: МЧС по Санкт-Петербургу и Ленобласти"),
                entities("пресс-служба МЧС по Санкт-Петербургу и Ленобласти сообщила"));
        assertEquals(List.of("ORGANIZATION: Организацию по безопасности и сотрудничеству в Европе"),
                entities("наблюдатели представляли Организацию по безопасности и сотрудничеству в Европе"));
        // without a remit the place stays a place
        assertEquals(List.of("LOCATION: Санкт-Петербурге", "ORGANIZATION: МЧС"),
                entities("сотрудники МЧС в Санкт-Петербурге"));
    }

    @Test
    void twoAdjectivesJoinedByAndMayQualifyTheHead() {
        EntityExtractor.Result r = EXTRACTOR.extract(
                "По сведениям Всемирной продовольственной и сельскохозяйственной организации, урожай вырос.");
        assertEquals("Всемирная продовольственная и сельскохозяйственная организация", r.entities().get(0).name());
        assertEquals("Всемирной продовольственной и сельскохозяйственной организации",
                r.entities().get(0).mentions().get(0).text());
        assertEquals("Промышленный и коммерческий банк", EXTRACTOR.extract(
                "Акции купил Промышленный и коммерческий банк.").entities().get(0).name());
    }

    @Test
    void aQuotedNameIsNoOrganisationWhereTheTextCallsItAWorkOrAVehicleElsewhere() {
        // "шаттла «Дискавери»" says what «Дискавери» is in the whole text
        assertEquals(List.of(), organisations("Следующий, после «Дискавери», полёт назначен на май. "
                + "Старт шаттла «Дискавери» прошёл успешно."));
        // the author's name may stand between the work's kind and its title
        assertEquals(List.of(), organisations("Нашли экземпляр книги Дарвина «Происхождение видов» в туалете."));
        // a name the text does not call a work stays an organisation
        assertEquals(List.of("Яблоко"), organisations("Партию представляло «Яблоко». Старт шаттла «Дискавери» прошёл."));
    }

    @Test
    void aNameNoDictionaryKnowsRightAfterANounOfAnOrganisationIsThatOrganisation() {
        assertEquals(List.of("Тоттенхэм Хотспур"), organisations("капитан клуба Тоттенхэм Хотспур Ледли Кинг снялся в фильме"));
        assertEquals(List.of("Кин-Топ"), organisations("в центре Кин-Топ занимаются взрослые и дети"));
        // a person's name after such a noun stays a person's
        assertEquals(List.of(), organisations("в составе команды Назарбаева"));
    }

    @Test
    void aLatinNameInBracketsAfterANameIsThatNameInItsOwnScript() {
        // the same person, not an organisation
        assertEquals(List.of("PERSON: Сергей Лавров", "PERSON: Sergey Lavrov"),
                entities("Министр Сергей Лавров (Sergey Lavrov) заявил об этом."));
        // after a quoted name of no organisation, nothing
        assertEquals(List.of(), organisations("в духе нашего девиза «Мы одна семья» (GENS UNA SUMUS)"));
        assertEquals(List.of(), organisations("европейский вариант автомобиля «Гол» (Gol)"));
        // "Industrial and Commercial Bank of China" is all one name, not the place its Russian name ends with
        assertEquals(List.of("LOCATION: Китая", "ORGANIZATION: Промышленный и коммерческий банк",
                "ORGANIZATION: Industrial and Commercial Bank of China"),
                entities("Промышленный и коммерческий банк Китая (Industrial and Commercial Bank of China)."));
    }

    @Test
    void aCapitalisedParticipleQualifiesAnOrganisationHeadAsAnAdjectiveWould() {
        assertEquals(List.of("Объединённого фронта"),
                organisations("Генеральный секретарь Объединённого фронта заявил о переговорах."));
    }

    @Test
    void whomABodyIsNamedAfterIsPartOfItsName() {
        assertEquals(List.of("ORGANIZATION: Казахского национального университета имени аль-Фараби"),
                entities("студенты Казахского национального университета имени аль-Фараби приехали"));
        assertEquals(List.of("ORGANIZATION: Музыкального театра имени Станиславского и Немировича-Данченко"),
                entities("директор Музыкального театра имени Станиславского и Немировича-Данченко сказал"));
        // the person is no person of its own there
        assertEquals(List.of("ORGANIZATION: Театра им. Йозефа Бойса"),
                entities("представители Театра им. Йозефа Бойса выступили"));
    }
}
