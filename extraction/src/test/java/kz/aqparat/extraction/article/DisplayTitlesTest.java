package kz.aqparat.extraction.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The title shown for an article sent without one. */
class DisplayTitlesTest {

    private static String sample(String file) throws Exception {
        return Files.readString(Path.of("..", "samples", "articles", file));
    }

    @Test
    void theHeadingOfAFeedItemAtTheStartOfTheTextIsTheTitle() throws Exception {
        assertEquals("Результат общественного консенсуса", DisplayTitles.derive(sample("002_54959cf6c2112d28.txt")));
    }

    @Test
    void otherwiseTheFirstSentenceWithoutItsFullStop() {
        assertEquals("Аким области встретился с фермерами",
                DisplayTitles.derive("Аким области встретился с фермерами. Обсудили посевную."));
        assertEquals("Кто ответит за паводок?", DisplayTitles.derive("Кто ответит за паводок? Вопрос задали депутаты."));
    }

    @Test
    void aLineBreakEndsTheFirstSentence() throws Exception {
        // sample 001: its first paragraph has no full stop
        assertEquals("В мероприятиях, прошедших на разных площадках, приняли участие представители интеллигенции и "
                        + "этнокультурных объединений, трудовых…",
                DisplayTitles.derive(sample("001_aec7fbcbd8afe353.txt")));
        assertEquals("Итоги недели", DisplayTitles.derive("Итоги недели\nВ понедельник в Астане прошло заседание."));
    }

    @Test
    void aLongSentenceIsCutAtAWordBoundaryWithinTheMaximumAndEndsInAnEllipsis() {
        String sentence = "Сегодня в Павлодаре прошло расширенное заседание областного маслихата, на котором "
                + "депутаты обсудили исполнение бюджета за прошлый год и планы на строительство новых школ в районах.";
        String title = DisplayTitles.derive(sentence + " Второе предложение.");
        assertTrue(title.length() <= DisplayTitles.MAX_CHARS, title.length() + ": " + title);
        assertTrue(title.endsWith("…"), title);
        String head = title.substring(0, title.length() - 1);
        assertTrue(sentence.startsWith(head), title);
        assertTrue(!Character.isLetterOrDigit(sentence.charAt(head.length())), "cut between words: " + title);
        assertEquals("Сегодня в Павлодаре прошло расширенное заседание областного маслихата, на котором депутаты "
                + "обсудили исполнение бюджета за прошлый год и…", title);
    }

    @Test
    void oneWordLongerThanTheMaximumIsCutAtTheMaximum() {
        String title = DisplayTitles.derive("а".repeat(500));
        assertEquals(DisplayTitles.MAX_CHARS, title.length());
        assertEquals("а".repeat(DisplayTitles.MAX_CHARS - 1) + "…", title);
    }

    @Test
    void aFullStopAfterAnInitialAnAbbreviationOrBeforeALowerCaseWordEndsNoSentence() {
        assertEquals("Б. Нысанбаева рассказала о работе центра",
                DisplayTitles.derive("Б. Нысанбаева рассказала о работе центра. Центр открыт в 2020 году."));
        assertEquals("В 2026 г. в Астане откроют 12 школ",
                DisplayTitles.derive("В 2026 г. в Астане откроют 12 школ. Об этом сообщил аким."));
        assertEquals("Рост составил 1.5 % за год", DisplayTitles.derive("Рост составил 1.5 % за год. Данные Бюро."));
    }

    @Test
    void aTextStartingWithAQuoteKeepsTheQuoteWholeAndItsSpeaker() {
        assertEquals("«Мы продолжим работу. Планов много», — заявил министр",
                DisplayTitles.derive("«Мы продолжим работу. Планов много», — заявил министр. Он выступил в Сенате."));
        assertEquals("\"Реформа нужна. Сейчас\", — сказал депутат",
                DisplayTitles.derive("\"Реформа нужна. Сейчас\", — сказал депутат. Затем он ответил на вопросы."));
    }

    @Test
    void aDatelineIsNotPartOfTheTitle() {
        assertEquals("Глава государства провел совещание по вопросам паводков",
                DisplayTitles.derive("АСТАНА. КАЗИНФОРМ – Глава государства провел совещание по вопросам паводков. "
                        + "В нем приняли участие акимы."));
        assertEquals("В Караганде открыли новый мост",
                DisplayTitles.derive("Караганда, 3 марта. /Kazinform/ - В Караганде открыли новый мост. Длина 300 м."));
        assertEquals("Сенатор отметила стратегическую роль компании",
                DisplayTitles.derive(" date 2026-03-05 Сенатор отметила стратегическую роль компании. Далее текст."));
    }

    @Test
    void aSentenceThatStartsLikeADatelineButHasNoDateOrAgencyIsKept() {
        assertEquals("Алматы – крупнейший город страны",
                DisplayTitles.derive("Алматы – крупнейший город страны. Население растет."));
    }

    @Test
    void anEmptyOrBlankTextHasNoTitle() {
        assertNull(DisplayTitles.derive(""));
        assertNull(DisplayTitles.derive(" \n\t "));
        assertNull(DisplayTitles.derive(null));
        assertNull(DisplayTitles.derive(" date 2026-03-05 "));
    }

    @Test
    void anyTextGivesATitleWithinTheMaximumWithoutASplitCharacter() {
        Random random = new Random(13);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(400); i > 0; i--) {
                if (random.nextInt(4) == 0) {
                    String marks = " .«»\"!?\n–";
                    text.append(marks.charAt(random.nextInt(marks.length())));
                } else {
                    int c = random.nextInt(0x30000);
                    text.appendCodePoint(c >= 0xD800 && c <= 0xDFFF ? 'ж' : c); // letters beyond U+FFFF too
                }
            }
            String title = DisplayTitles.derive(text.toString());
            if (title != null) {
                assertTrue(title.length() <= DisplayTitles.MAX_CHARS, title);
                assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(title), "a surrogate pair was split");
            }
        }
    }

    @Test
    void whiteSpaceInsideTheSentenceIsCollapsed() {
        assertEquals("Аким встретился с жителями", DisplayTitles.derive("  Аким \t встретился   с жителями. Текст."));
    }
}
