package kz.aqparat.bench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.cli.articles.ArticleStream;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.DateMention;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Mention;
import kz.aqparat.contracts.Statistic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HistoryArticlesTest {

    private static HistoryArticles history;
    /** Articles per person name in the first 20,000 articles, and distinct persons after the first 2,000. */
    private static final Map<String, Integer> personArticles = new HashMap<>();
    private static final Set<String> organizations = new HashSet<>();
    private static final Set<String> days = new HashSet<>();
    private static final Set<String> regions = new HashSet<>();
    private static int personsAfter2000;
    private static int organizationsAfter2000;
    private static long personMentions;
    private static final int N = 20_000;

    @BeforeAll
    static void generate() {
        history = new HistoryArticles(new ArticleStream(RepoLayout.find().samples(), "test", 3, 5),
                NamePopulation.load(3), 3, "0.4.0");
        for (long i = 0; i < N; i++) {
            HistoryArticles.Generated article = history.article(i);
            for (Entity e : article.extraction().entities()) {
                if (e.type() == EntityType.PERSON) {
                    personArticles.merge(e.name(), 1, Integer::sum);
                    personMentions += e.mentionsFound();
                } else if (e.type() == EntityType.ORGANIZATION) {
                    organizations.add(e.name());
                }
            }
            regions.addAll(article.extraction().regions());
            days.add(article.raw().publishedAt());
            if (i == 1999) {
                personsAfter2000 = personArticles.size();
                organizationsAfter2000 = organizations.size();
            }
        }
    }

    @Test
    void anEnrichedArticleIsAValidContractRecordWhoseOffsetsPointAtItsText() throws Exception {
        for (long i = 0; i < 200; i++) {
            HistoryArticles.Generated article = history.article(i);
            EnrichedArticle enriched = history.enriched(article, 1000 + i);
            String text = enriched.text();
            assertEquals(ArticleIds.of(enriched.url(), text), enriched.id(), "the id ingest would give it");
            assertEquals(ArticleIds.of(null, text), article.fingerprint());
            assertEquals(1000 + i, enriched.enrichment().sourceVersion());
            assertFalse(enriched.entities().isEmpty());
            for (Entity e : enriched.entities()) {
                assertFalse(e.mentions().isEmpty(), e.toString());
                for (Mention m : e.mentions()) {
                    assertEquals(m.text(), text.substring(m.start(), m.end()), e.toString());
                    assertEquals(e.name(), m.text());
                }
            }
            for (Statistic s : enriched.statistics()) {
                assertEquals(s.text(), text.substring(s.start(), s.end()));
            }
            for (DateMention d : enriched.dates()) {
                assertEquals(d.text(), text.substring(d.start(), d.end()));
            }
            EnrichedArticle again = Json.mapper().readValue(Json.mapper().writeValueAsBytes(enriched),
                    EnrichedArticle.class);
            assertEquals(enriched, again, "survives the JSON contract");
        }
        assertEquals(history.article(123), history.article(123), "article i is always the same");
    }

    @Test
    void regionsAreKazakhstansFirstLevelRegionsAndDaysSpreadOverMonths() throws Exception {
        Set<String> known = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(HistoryArticlesTest.class
                .getResourceAsStream("/kz/aqparat/extraction/gazetteer/kazakhstan.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length > 1 && !"-".equals(columns[1])) {
                    known.add(columns[1]);
                }
            }
        }
        assertTrue(known.containsAll(regions), "unknown regions: " + regions);
        assertTrue(regions.size() >= 0.8 * known.size(), "most regions appear: " + regions.size() + " of " + known);
        assertTrue(days.size() > 365, "publication days over more than a year: " + days.size());
    }

    @Test
    void distinctNamesGrowWithTheHistoryButSlowerThanIt() {
        int persons = personArticles.size();
        assertTrue(persons > personsAfter2000 && organizations.size() > organizationsAfter2000,
                persons + " vs " + personsAfter2000);
        // Ten times the articles, fewer than seven times the names: the head recurs (drawn uniformly from the same
        // 100,000 persons, 2,000 and 20,000 articles' ~5,000 and ~50,000 draws would give about 8 times as many).
        assertTrue(persons < 7 * personsAfter2000, persons + " vs " + personsAfter2000);
        assertTrue(persons > 5_000, "a long tail of persons: " + persons);
        assertTrue(organizations.size() > 2_000, "a long tail of organisations: " + organizations.size());
    }

    @Test
    void theMostMentionedPersonIsInAFewPercentOfTheArticlesAndTheHeadDoesNotDominate() {
        List<Integer> counts = personArticles.values().stream().sorted((a, b) -> b - a).toList();
        double topShare = counts.get(0) / (double) N;
        assertTrue(topShare > 0.02 && topShare < 0.15, "top person in " + topShare + " of the articles");
        long head = counts.subList(0, 100).stream().mapToLong(Integer::longValue).sum();
        long all = counts.stream().mapToLong(Integer::longValue).sum();
        assertTrue(head > 0.1 * all && head < 0.6 * all, "the 100 most mentioned persons: " + head + " of " + all);
        assertTrue(personMentions >= all, "at least one mention per person and article");
        assertNotNull(history.article(0).extraction().entities().get(0).name());
    }
}
