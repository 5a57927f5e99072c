package kz.aqparat.cli.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.RawArticle;
import org.junit.jupiter.api.Test;

class ArticleStreamTest {

    private final ArticleStream stream = new ArticleStream(RepoLayout.find().samples(), "run1", 7, 5);

    @Test
    void articlesAreOneToTwentyKilobytesAndAboutFiveOnAverage() {
        long total = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            int bytes = stream.article(i).text().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes >= 1000 && bytes <= 20 * 1024, "article " + i + " has " + bytes + " bytes");
            total += bytes;
        }
        double meanKb = total / (double) n / 1024;
        assertTrue(meanKb > 4.3 && meanKb < 5.7, "mean " + meanKb + " KB");
    }

    @Test
    void everyArticleIsNewButTheStreamIsRepeatable() {
        Set<String> urls = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            RawArticle a = stream.article(i);
            urls.add(a.url());
            texts.add(a.text());
        }
        assertEquals(500, urls.size());
        assertTrue(texts.size() > 490, "shuffled paragraphs make nearly every text different: " + texts.size());
        assertEquals(stream.article(42), stream.article(42));
        assertNotEquals(stream.asStored(1).id(), stream.asStored(2).id());
    }

    @Test
    void placesAndDatesVary() {
        Set<String> cities = new HashSet<>();
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            RawArticle a = stream.article(i);
            published.add(a.publishedAt());
            for (String city : new String[]{"Астан", "Шымкент", "Павлодар", "Кызылорд", "Уральск", "Талдыкорган",
                    "Актобе", "Атырау"}) {
                if (a.text().contains(city)) {
                    cities.add(city);
                }
            }
        }
        assertTrue(cities.size() >= 6, "cities mentioned: " + cities);
        assertTrue(published.size() > 100, "publication dates: " + published.size());
    }

    @Test
    void aCutParagraphKeepsThePlacesAndDatesFoundInItsText() {
        int compared = 0;
        for (ArticleStream.Paragraph whole : stream.paragraphs()) {
            for (int cut = 40; cut < whole.text().length(); cut += 37) {
                int length = cut;
                var prefix = whole.prefix(length).slots();
                var matchedAgain = ArticleStream.Paragraph.of(whole.text().substring(0, length)).slots();
                // Matching the cut text again finds nothing the whole paragraph's slots miss (it can find less: a
                // region needs the word after it). A match ending right at the cut may be a word cut short
                // ("Астанай" → "Астана"), so those are not compared.
                var missed = matchedAgain.stream().filter(slot -> slot.end() < length && !prefix.contains(slot))
                        .toList();
                assertEquals(List.of(), missed, "cut at " + length + " of: " + whole.text().substring(0, 60));
                assertTrue(prefix.stream().allMatch(slot -> slot.end() <= length));
                compared += (int) matchedAgain.stream().filter(slot -> slot.end() < length).count();
            }
        }
        assertTrue(compared > 300, "slots compared: " + compared);
    }

    @Test
    void utf8LengthIsTheLengthOfTheEncodedText() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        char[] alphabet = {'a', ' ', 'é', 'Ж', 'қ', '€', '\uD83D', '\uDE00', '\n'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertEquals(s.toString().getBytes(StandardCharsets.UTF_8).length, ArticleStream.utf8Length(s), s::toString);
        }
        RawArticle article = stream.article(5);
        assertEquals(article.text().getBytes(StandardCharsets.UTF_8).length, ArticleStream.utf8Length(article.text()));
    }
}
