package kz.aqparat.contracts.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeedItemParserTest {

    private static final Path SAMPLES = Path.of("../samples/articles");

    private static String sample(String prefix) throws IOException {
        try (var files = Files.list(SAMPLES)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }

    @Test
    void datedItemWithKazpravdaAsSource() throws IOException {
        String raw = sample("000_");
        FeedItem item = FeedItemParser.parse(raw);
        assertEquals("2026-02-18", item.publishedAt());
        assertEquals("Kazpravda.kz", item.source());
        assertNull(item.title());
        assertTrue(item.text().startsWith("Сегодня в Талдыкоргане"), item.text().substring(0, 40));
        assertEquals(raw.substring(" date 2026-02-18 ".length()), item.text());
    }

    @Test
    void datedItemWhoseSourceIsInTheSecondParagraph() throws IOException {
        FeedItem item = FeedItemParser.parse(sample("001_"));
        assertEquals("2026-02-24", item.publishedAt());
        assertEquals("Kazpravda.kz", item.source());
        assertTrue(item.text().startsWith("В мероприятиях, прошедших"));
    }

    @Test
    void inlineHeadingGivesTitleRubricDateTimeAndAuthor() throws IOException {
        String raw = sample("002_");
        FeedItem item = FeedItemParser.parse(raw);
        assertEquals("Результат общественного консенсуса", item.title());
        assertEquals("Конституционная реформа", item.rubric());
        assertEquals("2026-03-03T05:00", item.publishedAt());
        assertEquals("Ербол Тишкамбаев", item.author());
        assertNull(item.source());
        assertTrue(item.text().startsWith("О значении конституционных преобразований"));
        assertTrue(raw.endsWith(item.text()), "the body is kept exactly");
        assertEquals("Ербол Тишкамбаев", item.toRawArticle(null, "ru").author(), "the raw article keeps the author");
    }

    @Test
    void datedItemWithoutAgency() throws IOException {
        FeedItem item = FeedItemParser.parse(sample("003_"));
        assertEquals("2026-03-05", item.publishedAt());
        assertNull(item.source());
        assertTrue(item.text().startsWith("Важность закрепления приоритета науки"));
    }

    @Test
    void baqKzWithoutTheSentenceFullStop() throws IOException {
        FeedItem item = FeedItemParser.parse(sample("004_"));
        assertEquals("2026-02-22", item.publishedAt());
        assertEquals("BAQ.KZ", item.source());
        assertTrue(item.text().startsWith("Руководство завода"));
    }

    @Test
    void textWithoutHeaderIsKeptExactly() {
        String raw = "  Просто текст без заголовка.\r\n\r\nВторой абзац, 12 сотрудников.  \n";
        FeedItem item = FeedItemParser.parse(raw);
        assertEquals(raw, item.text());
        assertNull(item.publishedAt());
        assertNull(item.title());
        assertNull(item.source());
    }

    @Test
    void anImpossibleDateIsNotAHeader() {
        String raw = " date 2026-02-31 Текст";
        FeedItem item = FeedItemParser.parse(raw);
        assertNull(item.publishedAt());
        assertEquals(raw, item.text());
    }

    @Test
    void headingWithoutRubricOrAuthor() {
        FeedItem item = FeedItemParser.parse("заголовок новости 12 января 2025 г. 14:30 Текст новости, пишет Tengrinews.kz.");
        assertEquals("заголовок новости", item.title());
        assertNull(item.rubric());
        assertNull(item.author());
        assertEquals("2025-01-12T14:30", item.publishedAt());
        assertEquals("Tengrinews.kz", item.source());
        assertEquals("Текст новости, пишет Tengrinews.kz.", item.text());
    }
}
