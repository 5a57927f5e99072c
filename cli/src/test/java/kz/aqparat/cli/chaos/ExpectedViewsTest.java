package kz.aqparat.cli.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Mention;
import org.junit.jupiter.api.Test;

/** The harness' own recomputation of the views, on articles whose counts are known by hand. */
class ExpectedViewsTest {

    @Test
    void countsEachEntityOncePerArticleWithAllItsMentions() {
        EnrichedArticle first = article("a", "2026-02-18", List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, 2),
                entity(EntityType.LOCATION, "Караганда", "Карагандинская область", 3),
                entity(EntityType.ORGANIZATION, "Мажилис", null, 1)), List.of("Карагандинская область"));
        EnrichedArticle second = article("b", "2026-02-18T10:00:00+05:00", List.of(
                entity(EntityType.PERSON, "Аида Балаева", null, 1),
                entity(EntityType.LOCATION, "Темиртау", "Карагандинская область", 1),
                entity(EntityType.LOCATION, "Астана", "Астана", 2)), List.of());
        EnrichedArticle third = article("c", "not a date", List.of(
                entity(EntityType.PERSON, " ", null, 5)), List.of("Абайская область"));

        ExpectedViews views = ExpectedViews.of(List.of(first, second, third));

        assertEquals(Map.of("Аида Балаева", List.of(2L, 3L)), views.entities.get(EntityType.PERSON).rows(),
                "two articles, three mentions; a blank name is not counted");
        assertEquals(Map.of("Караганда", List.of(1L, 3L), "Темиртау", List.of(1L, 1L), "Астана", List.of(1L, 2L)),
                views.entities.get(EntityType.LOCATION).rows());
        assertEquals(Map.of("Карагандинская область", List.of(2L, 4L), "Астана", List.of(1L, 2L),
                        "Абайская область", List.of(1L, 0L)), views.regions.rows(),
                "a region named by the article counts the article with no mention of its own");
        assertEquals(Map.of("2026-02-18", List.of(2L, 0L), "unknown", List.of(1L, 0L)), views.timeline.rows());
    }

    private static EnrichedArticle article(String id, String publishedAt, List<Entity> entities,
                                           List<String> regions) {
        return new EnrichedArticle(id, "Kazpravda.kz", "https://example.kz/" + id, "t", publishedAt, "ru", "text",
                Instant.parse("2026-02-18T00:00:00Z"), entities, regions, List.of(), List.of(),
                new Enrichment("test", Instant.parse("2026-02-18T00:00:01Z")));
    }

    private static Entity entity(EntityType type, String name, String region, int mentions) {
        List<Mention> list = new java.util.ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            list.add(new Mention(i, i + 1, "x"));
        }
        return new Entity(type, name, List.of(), region, list);
    }
}
