package kz.aqparat.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The articles' JSON carries the author and whether the title was derived, and records written before those fields
 * existed still read (no author, a given title) and are written back without them.
 */
class ArticleJsonTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-03T00:05:00Z");
    private static final Enrichment ENRICHMENT = new Enrichment("0.4.1", Instant.parse("2026-03-03T00:06:00Z"), 7L,
            null);

    @Test
    void aRawArticleWithAnAuthorRoundTrips() throws Exception {
        RawArticle raw = new RawArticle("a1", "Kazpravda.kz", null, "Результат общественного консенсуса",
                "Ербол Тишкамбаев", "2026-03-03T05:00", "ru", "О значении реформы.", RECEIVED);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(raw));
        assertEquals("Ербол Тишкамбаев", json.path("author").asText());
        assertEquals(raw, Json.mapper().treeToValue(json, RawArticle.class));
    }

    @Test
    void aRawArticleWrittenBeforeTheAuthorExistedReadsWithoutOneAndIsWrittenBackTheSame() throws Exception {
        String old = "{\"id\":\"a1\",\"source\":null,\"url\":null,\"title\":null,\"publishedAt\":\"2026-02-18\","
                + "\"language\":\"ru\",\"text\":\"Текст.\",\"receivedAt\":\"2026-03-03T00:05:00Z\"}";
        RawArticle raw = Json.mapper().readValue(old, RawArticle.class);
        assertNull(raw.author());
        assertEquals("Текст.", raw.text());
        assertEquals(Json.mapper().readTree(old), Json.mapper().readTree(Json.mapper().writeValueAsString(raw)),
                "no author key is added to an article without one");
    }

    @Test
    void anEnrichedArticleWithADerivedTitleAndAnAuthorRoundTrips() throws Exception {
        Entity author = new Entity(EntityType.PERSON, "Ербол Тишкамбаев", List.of("автор"), null, List.of());
        EnrichedArticle article = new EnrichedArticle("a1", null, null, "О значении реформы", true,
                "Ербол Тишкамбаев", "2026-03-03T05:00", "ru", "О значении реформы.", RECEIVED, List.of(author),
                List.of(), List.of(), List.of(), ENRICHMENT);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(article));
        assertTrue(json.path("titleDerived").asBoolean());
        assertEquals("Ербол Тишкамбаев", json.path("author").asText());
        assertEquals(List.of("автор"), List.of(json.path("entities").path(0).path("roles").path(0).asText()));
        assertEquals(article, Json.mapper().treeToValue(json, EnrichedArticle.class));
    }

    @Test
    void aGivenTitleAndNoAuthorWriteNeitherNewKey() throws Exception {
        EnrichedArticle article = EnrichedArticle.of(new RawArticle("a1", null, null, "Заголовок", "2026-02-18",
                "ru", "Текст.", RECEIVED), new Extraction(null, null, null, null), ENRICHMENT);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(article));
        assertFalse(json.has("titleDerived"), json.toString());
        assertFalse(json.has("author"), json.toString());
        assertEquals("Заголовок", json.path("title").asText());
    }

    @Test
    void anEnrichedArticleWrittenBeforeTheNewFieldsReadsWithAGivenTitleAndNoAuthor() throws Exception {
        String old = "{\"id\":\"a1\",\"source\":\"Kazpravda.kz\",\"url\":null,\"title\":\"Заголовок\","
                + "\"publishedAt\":\"2026-02-18\",\"language\":\"ru\",\"text\":\"Алматы.\","
                + "\"receivedAt\":\"2026-03-03T00:05:00Z\",\"entities\":[{\"type\":\"LOCATION\",\"name\":\"Алматы\","
                + "\"mentions\":[{\"start\":0,\"end\":6,\"text\":\"Алматы\"}]}],\"regions\":[\"Алматы\"],"
                + "\"statistics\":[],\"dates\":[],"
                + "\"enrichment\":{\"version\":\"0.4.0\",\"processedAt\":\"2026-03-03T00:06:00Z\",\"sourceVersion\":3}}";
        EnrichedArticle article = Json.mapper().readValue(old, EnrichedArticle.class);
        assertEquals("Заголовок", article.title());
        assertFalse(article.titleDerived());
        assertNull(article.author());
        assertEquals("Алматы", article.entities().get(0).name());
        assertEquals(Json.mapper().readTree(old), Json.mapper().readTree(Json.mapper().writeValueAsString(article)),
                "written back unchanged");
    }
}
