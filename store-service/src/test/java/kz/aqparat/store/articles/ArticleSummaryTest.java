package kz.aqparat.store.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.aqparat.contracts.Json;
import kz.aqparat.store.topology.ReceivedArticle;
import org.junit.jupiter.api.Test;

/** The dashboard's summary of an article says its title, whether it was derived, and its author. */
class ArticleSummaryTest {

    private static ArticleSummary summaryOf(String json) {
        return ArticleSummary.of(ReceivedArticle.parse("articles.store", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDerivedTitleAndTheAuthorAreShownAndTheAuthorIsAPerson() throws Exception {
        ArticleSummary summary = summaryOf("{\"id\":\"a2\",\"title\":\"Результат общественного консенсуса\","
                + "\"titleDerived\":true,\"author\":\"Ербол Тишкамбаев\",\"publishedAt\":\"2026-03-03T05:00\","
                + "\"text\":\"О значении.\",\"entities\":[{\"type\":\"PERSON\",\"name\":\"Ербол Тишкамбаев\","
                + "\"roles\":[\"автор\"],\"mentions\":[]}],\"regions\":[],"
                + "\"enrichment\":{\"version\":\"0.4.1\",\"processedAt\":\"2026-03-03T00:06:00Z\"}}");
        assertEquals("Результат общественного консенсуса", summary.title());
        assertTrue(summary.titleDerived());
        assertEquals("Ербол Тишкамбаев", summary.author());
        assertEquals(List.of("Ербол Тишкамбаев"), summary.persons());
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(summary));
        assertTrue(json.path("titleDerived").asBoolean(), json.toString());
        assertEquals(summary, Json.mapper().treeToValue(json, ArticleSummary.class), "peers read it back");
    }

    @Test
    void anArticleEnrichedBeforeTheFieldsExistedHasAGivenTitleAndNoAuthor() {
        ArticleSummary summary = summaryOf("{\"id\":\"a1\",\"source\":null,\"url\":null,\"title\":\"Заголовок\","
                + "\"publishedAt\":\"2026-02-18\",\"language\":\"ru\",\"text\":\"Алматы.\",\"entities\":[],"
                + "\"regions\":[],\"statistics\":[],\"dates\":[],"
                + "\"enrichment\":{\"version\":\"0.4.0\",\"processedAt\":\"2026-03-03T00:06:00Z\"}}");
        assertEquals("Заголовок", summary.title());
        assertFalse(summary.titleDerived());
        assertNull(summary.author());
    }
}
