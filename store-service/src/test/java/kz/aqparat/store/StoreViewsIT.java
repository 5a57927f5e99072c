package kz.aqparat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Mention;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Statistic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The windowed views, trending, statistics, related entities, the entity page and the article search over real
 * HTTP, on a real broker, after a replayed and corrected article and a deleted one: every answer counts each
 * article once, in its latest version.
 */
class StoreViewsIT {

    private static final String KARAGANDA = "Карагандинская область";
    private static final String AIDA = "Аида Балаева";
    private static final String KARIN = "Ерлан Карин";
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static RunningStore store;

    @BeforeAll
    static void start() throws Exception {
        store = new RunningStore();
        String t1 = "Аида Балаева, депутат Мажилиса, встретилась с работниками Qarmet в Темиртау: более 400 сотрудников.";
        String t2 = "В Астане Аида Балаева и Ерлан Карин обсудили бюджет в 1,5 млрд тенге. Аиды Балаевой не было.";
        String t3 = "Ерлан Карин сообщил, что рост составил 52 %.";
        String t4old = "Старое Имя открыл школу в Астане.";
        String t4 = "Аида Балаева открыла школу.";
        String t5 = "Ерлан Карин открыл завод.";
        EnrichedArticle v1 = article("v1", "Kazpravda.kz", "2026-02-18", t1, List.of(
                named(EntityType.PERSON, AIDA, List.of("депутат Мажилиса"), null, t1, AIDA),
                named(EntityType.ORGANIZATION, "Qarmet", List.of(), null, t1, "Qarmet"),
                named(EntityType.LOCATION, "Темиртау", List.of(), KARAGANDA, t1, "Темиртау")),
                List.of(KARAGANDA), List.of(statistic("400", Qualifier.MORE_THAN, "сотрудник", null,
                        Statistic.Kind.COUNT, "более 400 сотрудников")), 1, T);
        EnrichedArticle v2 = article("v2", "BAQ.KZ", "2026-02-20", t2, List.of(
                named(EntityType.PERSON, AIDA, List.of(), null, t2, AIDA, "Аиды Балаевой"),
                named(EntityType.PERSON, KARIN, List.of(), null, t2, KARIN),
                named(EntityType.LOCATION, "Астана", List.of(), "Астана", t2, "Астане")),
                List.of("Астана"), List.of(statistic("1500000000", Qualifier.EXACT, "тенге", "KZT",
                        Statistic.Kind.MONEY, "1,5 млрд тенге")), 2, T);
        EnrichedArticle v3 = article("v3", "Kazpravda.kz", "2026-02-25", t3, List.of(
                named(EntityType.PERSON, KARIN, List.of(), null, t3, KARIN)),
                List.of(KARAGANDA), List.of(statistic("52", Qualifier.EXACT, "%", null, Statistic.Kind.PERCENT,
                        "52 %")), 3, T);
        EnrichedArticle v4old = article("v4", "Kazpravda.kz", "2026-02-26", t4old, List.of(
                named(EntityType.PERSON, "Старое Имя", List.of(), null, t4old, "Старое Имя")),
                List.of("Астана"), List.of(), 4, T);
        EnrichedArticle v4 = article("v4", "Kazpravda.kz", "2026-02-21", t4, List.of(
                named(EntityType.PERSON, AIDA, List.of(), null, t4, AIDA)),
                List.of(KARAGANDA), List.of(), 6, T.plusSeconds(60));
        EnrichedArticle v5 = article("v5", "Kazpravda.kz", "2026-02-24", t5, List.of(
                named(EntityType.PERSON, KARIN, List.of(), null, t5, KARIN)), List.of(), List.of(), 5, T);
        // The original of v4, its correction, then a replay of the original (older raw record) arriving last;
        // v5 stored, deleted, and replayed after its delete.
        store.produce(List.of(v1, v2, v3, v4old, v5, v4, v4old, v1));
        store.produceRecord("v5", null, RecordHeaders.SOURCE_OFFSET, "7");
        store.produce(List.of(v5));
        RunningStore.await(Duration.ofSeconds(60), "four articles listed, v5 gone, v4 corrected",
                () -> ids(search("limit=100")).equals(List.of("v3", "v4", "v2", "v1")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theSearchListsNewestFirstAPageAtATimeAndFilters() {
        JsonNode first = search("limit=2");
        assertEquals(List.of("v3", "v4"), ids(first));
        String next = first.path("next").asText();
        assertFalse(next.isBlank(), first.toString());
        JsonNode second = search("limit=2&cursor=" + next);
        assertEquals(List.of("v2", "v1"), ids(second));
        assertTrue(second.has("next") && second.path("next").isNull(), "the last page: " + second);

        assertEquals(List.of("v4", "v2", "v1"), ids(search("entity=" + encode("PERSON:" + AIDA))));
        assertEquals(List.of("v3", "v4", "v1"), ids(search("region=" + encode(KARAGANDA))));
        assertEquals(List.of("v2"), ids(search("source=BAQ.KZ")));
        assertEquals(List.of("v4", "v2"), ids(search("from=2026-02-20&to=2026-02-21")));
        assertEquals(List.of(), ids(search("entity=" + encode("PERSON:Старое Имя"))),
                "the replaced version of v4 is not found");
        JsonNode v4 = search("entity=" + encode("PERSON:" + AIDA) + "&limit=1").path("articles").get(0);
        assertEquals("Заголовок v4", v4.path("title").asText());
        assertEquals(List.of(AIDA), names(v4.path("persons")));
    }

    @Test
    void theEntitiesRegionsAndTimelineFollowTheWindowRegionAndSource() {
        assertEquals(List.of(row(AIDA, 2), row(KARIN, 2)),
                counts(store.getJsonNode("/api/views/entities?type=PERSON&from=2026-02-19&to=2026-02-28")));
        assertEquals(List.of(row(AIDA, 2), row(KARIN, 1)),
                counts(store.getJsonNode("/api/views/entities?type=PERSON&region=" + encode(KARAGANDA))));
        assertEquals(List.of(row(AIDA, 1), row(KARIN, 1)),
                counts(store.getJsonNode("/api/views/entities?type=PERSON&source=BAQ.KZ")));
        assertEquals(List.of(row(AIDA, 3)),
                counts(store.getJsonNode("/api/views/entities?type=PERSON&limit=1")), "all time, unfiltered");
        assertEquals(List.of(row(AIDA, 3), row(KARIN, 2)),
                counts(store.getJsonNode("/api/views/entities?type=PERSON&from=2026-01-01&limit=5")),
                "the window and the all-time view agree");

        JsonNode regions = store.getJsonNode("/api/views/regions?from=2026-02-20");
        assertEquals(List.of(KARAGANDA + "=2", "Астана=1"), regionCounts(regions));

        assertEquals(List.of("2026-02-18=1", "2026-02-20=1", "2026-02-21=1", "2026-02-25=1"),
                days(store.getJsonNode("/api/views/timeline")));
        assertEquals(List.of("2026-02-16=3", "2026-02-23=1"),
                days(store.getJsonNode("/api/views/timeline?bucket=week")));
        assertEquals(List.of("2026-02-01=4"), days(store.getJsonNode("/api/views/timeline?bucket=month")));
        assertEquals(List.of("2026-02-18=1", "2026-02-21=1", "2026-02-25=1"),
                days(store.getJsonNode("/api/views/timeline?region=" + encode(KARAGANDA))));
    }

    @Test
    void trendingComparesTheLastDaysWithTheDaysBefore() {
        JsonNode trending = store.getJsonNode("/api/views/trending?type=PERSON&days=3&to=2026-02-21");
        List<String> rows = new ArrayList<>();
        trending.forEach(t -> rows.add(t.path("name").asText() + " " + t.path("recent").asLong() + "/"
                + t.path("previous").asLong() + " " + t.path("change").asLong()));
        assertEquals(List.of(AIDA + " 2/1 1", KARIN + " 1/0 1"), rows);
        // Ending at the newest day, 2026-02-25: Карин 1 (v3) against 1 (v2); Балаева not in the last 3 days.
        JsonNode latest = store.getJsonNode("/api/views/trending?type=PERSON&days=3");
        assertEquals(1, latest.size(), latest.toString());
        assertEquals(KARIN, latest.get(0).path("name").asText());
        assertEquals(0, latest.get(0).path("change").asLong());
    }

    @Test
    void statisticsAreAddedUpByUnitAndCurrency() {
        JsonNode all = store.getJsonNode("/api/views/statistics");
        assertEquals(3, all.size(), all.toString());
        JsonNode workers = store.getJsonNode("/api/views/statistics?unit=" + encode("сотрудник")).get(0);
        assertEquals("COUNT", workers.path("kind").asText());
        assertEquals(1, workers.path("statements").asLong());
        assertEquals(1, workers.path("articles").asLong());
        assertEquals(0, new BigDecimal("400").compareTo(workers.path("total").decimalValue()));
        JsonNode latest = workers.path("latest").get(0);
        assertEquals("более 400 сотрудников", latest.path("text").asText());
        assertEquals("MORE_THAN", latest.path("qualifier").asText());
        assertEquals("v1", latest.path("articleId").asText());
        assertEquals("2026-02-18", latest.path("day").asText());
        JsonNode money = store.getJsonNode("/api/views/statistics?kind=MONEY");
        assertEquals(1, money.size(), money.toString());
        assertTrue(workers.has("currency") && workers.path("currency").isNull(), workers.toString());
        assertEquals("KZT", money.get(0).path("currency").asText());
        assertEquals(0, new BigDecimal("1500000000").compareTo(money.get(0).path("max").decimalValue()));
        assertEquals(List.of("тенге"), units(store.getJsonNode("/api/views/statistics?region=" + encode("Астана"))));
        assertEquals(List.of("%"), units(store.getJsonNode("/api/views/statistics?from=2026-02-22")));
    }

    @Test
    void relatedEntitiesAndTheEntityPageCountTheLatestVersionsOnly() {
        JsonNode related = store.getJsonNode("/api/views/related?type=PERSON&name=" + encode(AIDA));
        List<String> names = new ArrayList<>();
        related.path("related").forEach(r -> names.add(r.path("name").asText() + "=" + r.path("articleCount")));
        assertEquals(List.of(KARIN + "=1", "Qarmet=1", "Астана=1", "Темиртау=1"), names);
        assertEquals(List.of(KARAGANDA + "=2", "Астана=1"), regionCounts(related.path("regions")));

        JsonNode page = store.getJsonNode("/api/entities/PERSON/" + encode(AIDA));
        assertEquals(3, page.path("articleCount").asLong());
        assertEquals(4, page.path("mentionCount").asLong());
        assertEquals("2026-02-18", page.path("firstDay").asText());
        assertEquals("2026-02-21", page.path("lastDay").asText());
        assertEquals(List.of("2026-02-18=1", "2026-02-20=1", "2026-02-21=1"), days(page.path("timeline")));
        assertEquals("депутат Мажилиса", page.path("roles").get(0).path("role").asText());
        assertEquals(1, page.path("roles").get(0).path("count").asLong());
        assertEquals(List.of("Аиды Балаевой"), names(page.path("variants")));
        List<String> articles = new ArrayList<>();
        page.path("articles").forEach(a -> articles.add(a.path("id").asText()));
        assertEquals(List.of("v4", "v2", "v1"), articles);
        assertEquals(1, store.getJsonNode("/api/entities/PERSON/" + encode(AIDA) + "?from=2026-02-21")
                .path("articleCount").asLong());

        assertEquals(404, store.get("/api/entities/PERSON/" + encode("Старое Имя")).statusCode(),
                "the replaced version's person is gone");
        assertEquals(404, store.get("/api/entities/PERSON/" + encode("Никто Никто")).statusCode());
    }

    @Test
    void badParametersAnswer400ProblemBodies() throws Exception {
        for (String path : List.of("/api/views/entities?from=2026-13-01", "/api/views/entities?from=2026-02-20&to=2026-02-01",
                "/api/views/timeline?bucket=year", "/api/views/regions?limit=0", "/api/views/trending?days=0",
                "/api/views/statistics?kind=WEIGHT", "/api/views/related?type=PERSON",
                "/api/articles?cursor=bm90LWEtY3Vyc29y", "/api/articles?entity=Балаева",
                "/api/articles?entity=ANIMAL:x", "/api/entities/ANIMAL/x", "/api/articles?limit=1001")) {
            HttpResponse<String> response = store.get(path);
            assertEquals(400, response.statusCode(), path + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), path);
            assertEquals(400, Json.mapper().readTree(response.body()).path("status").asInt(), path);
        }
    }

    @Test
    void servesItsOpenApiDescription() {
        HttpResponse<String> response = store.get("/openapi.yaml");
        assertEquals(200, response.statusCode());
        for (String path : List.of("/api/articles:", "/api/views/entities:", "/api/views/trending:",
                "/api/views/statistics:", "/api/views/related:", "/api/entities/{type}/{name}:")) {
            assertTrue(response.body().contains(path), path);
        }
    }

    private static JsonNode search(String query) {
        return store.getJsonNode("/api/articles?" + query);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("articles").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String row(String name, long articles) {
        return name + "=" + articles;
    }

    private static List<String> counts(JsonNode rows) {
        List<String> counts = new ArrayList<>();
        rows.forEach(r -> counts.add(row(r.path("name").asText(), r.path("articleCount").asLong())));
        return counts;
    }

    private static List<String> regionCounts(JsonNode rows) {
        List<String> counts = new ArrayList<>();
        rows.forEach(r -> counts.add(r.path("region").asText() + "=" + r.path("articleCount").asLong()));
        return counts;
    }

    private static List<String> days(JsonNode rows) {
        List<String> days = new ArrayList<>();
        rows.forEach(r -> days.add(r.path("day").asText() + "=" + r.path("articleCount").asLong()));
        return days;
    }

    private static List<String> units(JsonNode rows) {
        List<String> units = new ArrayList<>();
        rows.forEach(r -> units.add(r.path("unit").asText()));
        return units;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An entity whose mentions are the given texts, each found in {@code text}. */
    private static Entity named(EntityType type, String name, List<String> roles, String region, String text,
                                String... mentionTexts) {
        List<Mention> mentions = new ArrayList<>();
        for (String mention : mentionTexts) {
            int start = text.indexOf(mention);
            if (start < 0) {
                throw new IllegalArgumentException(mention + " is not in " + text);
            }
            mentions.add(new Mention(start, start + mention.length(), mention));
        }
        return new Entity(type, name, roles, region, mentions);
    }

    private static Statistic statistic(String value, Qualifier qualifier, String unit, String currency,
                                       Statistic.Kind kind, String text) {
        return new Statistic(new BigDecimal(value), null, qualifier, unit, currency, kind, text, 0, text.length());
    }

    private static EnrichedArticle article(String id, String source, String day, String text, List<Entity> entities,
                                           List<String> regions, List<Statistic> statistics, long sourceVersion,
                                           Instant receivedAt) {
        return new EnrichedArticle(id, source, null, "Заголовок " + id, day, "ru", text, receivedAt, entities,
                regions, statistics, List.of(), new Enrichment("v1", receivedAt.plusSeconds(1), sourceVersion));
    }
}
