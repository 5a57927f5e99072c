package kz.aqparat.enrich.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.IntFunction;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;

/**
 * The worst cases for the size of an enriched article: raw articles of up to a given size whose text is as dense in
 * entities, statistics and dates as Russian news gets, either one sentence repeated (few entities, very many
 * mentions) or many distinct people in many cities (many entities). Their enriched form, unbounded, is several times
 * the raw size.
 */
public final class DenseArticles {

    private static final String[] FIRST = {"Аида", "Марат", "Ерлан", "Айгерим", "Нурлан", "Гульнара", "Серик",
            "Динара", "Асхат", "Жанна", "Бауыржан", "Салтанат"};
    private static final String[] LAST = {"Балаева", "Сериков", "Ахметов", "Жумабаева", "Касымов", "Оспанова",
            "Нуриев", "Тулегенова", "Абенов", "Исмаилова"};
    private static final String[] CITY = {"Алматы", "Астана", "Караганде", "Шымкенте", "Актобе", "Павлодаре",
            "Семее", "Костанае", "Атырау", "Таразе"};
    private static final String[] MONTH = {"января", "февраля", "марта", "апреля", "мая", "июня"};

    private DenseArticles() {
    }

    /** "Аида Балаева, Алматы, 5 человек, 12 февраля 2026 года." again and again. */
    public static RawArticle repeated(String id, int maxValueBytes) {
        return fill(id, maxValueBytes, i -> "Аида Балаева, Алматы, 5 человек, 12 февраля 2026 года. ");
    }

    /** A different person, city, count and date in every sentence. */
    public static RawArticle distinct(String id, int maxValueBytes) {
        return fill(id, maxValueBytes, i -> FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length]
                + " из " + CITY[(i / 7) % CITY.length] + ": более " + (i % 997 + 2) + " тысяч тенге, "
                + (i % 28 + 1) + " " + MONTH[i % MONTH.length] + " 2026 года. ");
    }

    private static RawArticle fill(String id, int maxValueBytes, IntFunction<String> sentence) {
        StringBuilder text = new StringBuilder();
        // The sentences need no JSON escaping, so the value grows by their UTF-8 length.
        int size = size(article(id, ""));
        for (int i = 0; ; i++) {
            String next = sentence.apply(i);
            int grown = size + next.getBytes(StandardCharsets.UTF_8).length;
            if (grown > maxValueBytes) {
                RawArticle article = article(id, text.toString());
                if (size(article) != size) {
                    throw new IllegalStateException("the size of the dense article was miscounted");
                }
                return article;
            }
            text.append(next);
            size = grown;
        }
    }

    private static RawArticle article(String id, String text) {
        return new RawArticle(id, "Kazpravda.kz", "https://example.kz/" + id, "Плотная статья", "2026-02-18", "ru",
                text, Instant.parse("2026-03-01T07:59:00Z"));
    }

    public static int size(RawArticle article) {
        try {
            return Json.mapper().writeValueAsBytes(article).length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
