package kz.aqparat.extraction.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Mention;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.load();

    private static String sample(String prefix) throws IOException {
        Path dir = Files.isDirectory(Path.of("samples/articles")) ? Path.of("samples/articles")
                : Path.of("../samples/articles");
        try (var files = Files.list(dir)) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(p, StandardCharsets.UTF_8);
        }
    }

    private static Entity person(EntityExtractor.Result r, String name) {
        return r.entities().stream().filter(e -> e.type() == EntityType.PERSON && e.name().equals(name))
                .findFirst().orElse(null);
    }

    private static void assertPersons(EntityExtractor.Result r, String... names) {
        String all = r.entities().stream().filter(e -> e.type() == EntityType.PERSON).map(Entity::name)
                .collect(Collectors.joining(", "));
        for (String n : names) {
            assertNotNull(person(r, n), () -> n + " not among " + all);
        }
    }

    private static void assertOffsets(String text, EntityExtractor.Result r) {
        for (Entity e : r.entities()) {
            for (Mention m : e.mentions()) {
                assertEquals(m.text(), text.substring(m.start(), m.end()), e.name());
            }
        }
    }

    @Test
    void sample000PersonsRolesAndRegion() throws IOException {
        String text = sample("000");
        EntityExtractor.Result r = EXTRACTOR.extract(text);
        assertOffsets(text, r);
        assertPersons(r, "Аида Балаева", "Руслан Кожасбаев", "Никита Шаталов", "Асет Кыдырманов",
                "Ербол Ажмагамбетов");
        Entity balaeva = person(r, "Аида Балаева");
        // "Аида Балаева", "Аиды Балаевой": one entity with every mention
        assertTrue(balaeva.mentions().size() >= 5, balaeva::toString);
        assertTrue(balaeva.roles().contains("заместитель председателя коалиции"), balaeva::toString);
        assertTrue(balaeva.roles().contains("заместитель Премьер-министра – министр культуры и информации"),
                balaeva::toString);
        assertTrue(person(r, "Руслан Кожасбаев").roles().contains("депутат Мажилиса"));
        assertTrue(person(r, "Никита Шаталов").roles().contains("депутат Мажилиса"));
        assertTrue(person(r, "Ербол Ажмагамбетов").roles().contains("директор «Кайнар-АКБ»"));
        // Қыдырманов and Кыдырманов are one person
        assertEquals(2, person(r, "Асет Кыдырманов").mentions().size());
        assertEquals(List.of("Жетысуская область"), r.regions());
        assertTrue(r.entities().stream().anyMatch(e -> e.type() == EntityType.LOCATION
                && e.mentions().get(0).text().equals("Талдыкоргане") && "Жетысуская область".equals(e.region())));
    }

    @Test
    void sample001PersonsRolesAndRegion() throws IOException {
        String text = sample("001");
        EntityExtractor.Result r = EXTRACTOR.extract(text);
        assertOffsets(text, r);
        assertPersons(r, "Серик Утешов", "Бауржан Смагулов", "Арман Калыков", "Тилектес Адамбеков",
                "Гульнара Бижанова");
        assertTrue(person(r, "Серик Утешов").roles().contains("сенатор"));
        assertTrue(person(r, "Арман Калыков").roles().contains("депутат Мажилиса"));
        assertTrue(r.regions().contains("Карагандинская область"), r.regions()::toString);
        assertTrue(r.entities().stream().anyMatch(e -> e.type() == EntityType.ORGANIZATION
                && e.name().equals("Qarmet")));
        // no person made of a place or an organisation
        assertTrue(r.entities().stream().noneMatch(e -> e.type() == EntityType.PERSON
                && (e.name().contains("Нура") || e.name().contains("Осакаровка") || e.name().contains("Qarmet"))));
    }

    @Test
    void sample002Persons() throws IOException {
        String text = sample("002");
        EntityExtractor.Result r = EXTRACTOR.extract(text);
        assertOffsets(text, r);
        assertPersons(r, "Ербол Тишкамбаев", "Дархан Кыдырали", "Берик Асылов", "Бибигуль Аккужина",
                "Алибек Наутиев", "Сагындык Лукпанов", "Сергей Ершов", "Ольга Булавкина", "Шакарым Буктугутов");
        assertTrue(person(r, "Берик Асылов").roles().contains("генеральный прокурор"));
        assertTrue(person(r, "Дархан Кыдырали").roles().contains("депутат Сената Парламента РК"));
        assertTrue(r.regions().containsAll(List.of("Костанайская область", "Атырауская область",
                "Карагандинская область", "Восточно-Казахстанская область")), r.regions()::toString);
    }

    @Test
    void sample003Persons() throws IOException {
        String text = sample("003");
        EntityExtractor.Result r = EXTRACTOR.extract(text);
        assertOffsets(text, r);
        assertPersons(r, "Бибигуль Жексенбай", "Жанна Асанова", "Жанболат Жоргенбаев", "Нурлан Бекназаров",
                "Ляззат Рысбекова");
    }

    @Test
    void sample004PersonsAndRegion() throws IOException {
        String text = sample("004");
        EntityExtractor.Result r = EXTRACTOR.extract(text);
        assertOffsets(text, r);
        assertPersons(r, "Андрей Лаврентьев", "Анастасия Имашева");
        assertTrue(r.regions().contains("Костанайская область"), r.regions()::toString);
    }

    @Test
    void inflectedPlacesAndKazakhSpellings() {
        EntityExtractor.Result r = EXTRACTOR.extract(
                "Встречи прошли в Шымкенте, в ВКО и в Қарағанды, а затем в Костанайском районе.");
        assertTrue(r.regions().containsAll(List.of("Шымкент", "Восточно-Казахстанская область",
                "Карагандинская область", "Костанайская область")), r.regions()::toString);
    }

    @Test
    void hostileInputsDoNotFail() {
        Random random = new Random(42);
        byte[] bytes = new byte[200_000];
        random.nextBytes(bytes);
        EXTRACTOR.extract(new String(bytes, StandardCharsets.ISO_8859_1));
        EXTRACTOR.extract(new String(bytes, StandardCharsets.UTF_8));
        EXTRACTOR.extract("1234567890".repeat(20_000));
        EXTRACTOR.extract(".,;:!?«»()-–—\"'".repeat(10_000));
        EXTRACTOR.extract("«".repeat(50_000) + "ТОО " + "»".repeat(50_000));
        EXTRACTOR.extract("А. ".repeat(50_000));
        assertFalse(EXTRACTOR.extract("Аида Балаева. ".repeat(70_000)).entities().isEmpty());
        assertTrue(EXTRACTOR.extract("").entities().isEmpty());
    }

    private static List<Entity> organisations(String text) {
        EntityExtractor.Result r = EXTRACTOR.extract(text);
        assertOffsets(text, r);
        return r.entities().stream().filter(e -> e.type() == EntityType.ORGANIZATION).toList();
    }

    private static List<String> organisationNames(String text) {
        return organisations(text).stream().map(Entity::name).toList();
    }

    @Test
    void organisationInObliqueCaseGetsNominativeName() {
        assertEquals(List.of("Центральная избирательная комиссия"),
                organisationNames("Об этом сообщили в Центральной избирательной комиссии."));
        assertEquals(List.of("Национальная палата предпринимателей"),
                organisationNames("Заявление сделал член Национальной палаты предпринимателей."));
        assertEquals(List.of("Конституционная комиссия"),
                organisationNames("Поправки обсудили на заседании Конституционной комиссии."));
        // the superlative stays a superlative ("высшем" is a form of "высокий" in the dictionary)
        assertTrue(organisationNames("Об этом рассказали в Костанайском высшем колледже автомобильного транспорта.")
                .contains("Костанайский высший колледж автомобильного транспорта"));
    }

    @Test
    void nominativeMentionAndObliqueMentionAreOneOrganisation() {
        List<Entity> orgs = organisations(
                "Представители Общенациональной коалиции встретились с рабочими. Затем Общенациональная коалиция "
                        + "провела собрание.");
        assertEquals(1, orgs.size(), orgs::toString);
        assertEquals("Общенациональная коалиция", orgs.get(0).name());
        assertEquals(2, orgs.get(0).mentions().size());
    }

    @Test
    void hyphenSpaceAndShortFormsOfQuotedNameMerge() {
        List<Entity> orgs = organisations("Рабочие ТОО «Береке Строй» встретились с журналистами. Директор "
                + "«Береке-Строй» рассказал о планах. Компания «Береке» выросла.");
        assertEquals(1, orgs.size(), orgs::toString);
        assertEquals("Береке Строй", orgs.get(0).name());
        assertEquals(3, orgs.get(0).mentions().size());
    }

    @Test
    void ambiguousShortFormIsNotMerged() {
        List<String> names = organisationNames(
                "Рабочие ТОО «Алтын Дала» и АО «Алтын Тау» встретились. Завод «Алтын» закрыт.");
        assertTrue(names.contains("Алтын Дала") && names.contains("Алтын Тау") && names.contains("Алтын"),
                names::toString);
    }

    @Test
    void domainFragmentIsNotAnOrganisation() {
        List<Entity> orgs = organisations("Рабочие отметили значение реформ, передает BAQ.KZ.");
        assertEquals(List.of("BAQ.KZ"), orgs.stream().map(Entity::name).toList());
        assertEquals("BAQ.KZ", orgs.get(0).mentions().get(0).text());
        assertFalse(organisationNames("Об этом сообщает портал Zakon.kz со ссылкой на пресс-службу.")
                .contains("kz"));
    }
}
