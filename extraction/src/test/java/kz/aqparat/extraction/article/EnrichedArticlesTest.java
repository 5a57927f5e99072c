package kz.aqparat.extraction.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.feed.FeedItemParser;
import kz.aqparat.extraction.ArticleExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample articles enriched by the real engine: their authors and display titles. */
class EnrichedArticlesTest {

    private static final Enrichment ENRICHMENT = new Enrichment(ArticleExtractor.VERSION, Instant.EPOCH);
    private static ArticleExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = ArticleExtractor.load();
    }

    private static String sample(String file) throws Exception {
        return Files.readString(Path.of("..", "samples", "articles", file));
    }

    private static EnrichedArticle enrich(RawArticle raw) {
        return EnrichedArticles.of(raw, extractor.extract(raw.text(), LocalDate.of(2026, 3, 3)), ENRICHMENT);
    }

    private static List<Entity> authors(EnrichedArticle article) {
        return article.entities().stream()
                .filter(e -> e.type() == EntityType.PERSON && e.roles().contains(Authors.ROLE)).toList();
    }

    @Test
    void sample002AsAFeedItemKeepsItsAuthorAsAPersonAndItsHeadingTitle() throws Exception {
        EnrichedArticle article = enrich(FeedItemParser.parse(sample("002_54959cf6c2112d28.txt"))
                .toRawArticle(null, "ru"));
        assertEquals("Ербол Тишкамбаев", article.author());
        assertEquals("Результат общественного консенсуса", article.title());
        assertFalse(article.titleDerived(), "the heading's title came with the feed item");
        List<Entity> authors = authors(article);
        assertEquals(1, authors.size(), article.entities().toString());
        assertEquals("Ербол Тишкамбаев", authors.get(0).name());
        assertEquals(List.of(), authors.get(0).mentions(), "the heading is not part of the text");
        assertFalse(article.text().contains("Тишкамбаев"));
    }

    @Test
    void sample002SentWholeAsTextGetsItsAuthorTheDerivedHeadingTitleAndTheMentionInTheText() throws Exception {
        String text = sample("002_54959cf6c2112d28.txt");
        EnrichedArticle article = enrich(new RawArticle(null, null, null, null, null, "ru", text, null));
        assertEquals("Ербол Тишкамбаев", article.author());
        assertEquals("Результат общественного консенсуса", article.title());
        assertTrue(article.titleDerived());
        List<Entity> authors = authors(article);
        assertEquals(1, authors.size(), article.entities().toString());
        assertEquals("Ербол Тишкамбаев", authors.get(0).name());
        assertEquals(1, authors.get(0).mentions().size(), "the engine found the name in the heading of the text");
        assertEquals(1, article.entities().stream().filter(e -> e.name().equals("Ербол Тишкамбаев")).count());
    }

    @Test
    void aDatedSampleWithoutTitleGetsItsFirstSentenceMarkedDerived() throws Exception {
        EnrichedArticle article = enrich(FeedItemParser.parse(sample("003_3f0c2da02d031720.txt"))
                .toRawArticle(null, "ru"));
        assertTrue(article.titleDerived());
        assertEquals("Важность закрепления приоритета науки и инноваций на конституционном уровне Бибигуль "
                + "Жексенбай обсудила с коллективом АО «Казатомпром»", article.title());
        assertNull(article.author());
        assertEquals(List.of(), authors(article));
    }

    @Test
    void aGivenTitleAndAuthorAreKept() {
        RawArticle raw = new RawArticle(null, null, null, "Заголовок", "Айгуль Серикова", null, "ru",
                "Аким Алматы встретился с жителями.", null);
        EnrichedArticle article = enrich(raw);
        assertEquals("Заголовок", article.title());
        assertFalse(article.titleDerived());
        assertEquals("Айгуль Серикова", article.author());
        assertEquals(1, authors(article).size());
    }
}
