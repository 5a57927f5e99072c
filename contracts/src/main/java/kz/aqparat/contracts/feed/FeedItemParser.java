package kz.aqparat.contracts.feed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text feed item such as those in {@code samples/articles/}. Shared by ingest-service
 * ({@code POST /api/articles}, {@code text/plain}) and the CLI, so that a file gives the same article either way.
 *
 * <p>Two header forms are recognised at the start of the item; everything else is kept exactly as given:
 * <ul>
 *   <li>{@code " date 2026-02-18 Сегодня в ..."}: publishedAt is the date, the text is what follows the date
 *       and the single run of white space after it.</li>
 *   <li>An inline heading {@code "Результат общественного консенсуса Конституционная реформа 3 марта 2026 г. 5:00
 *       6 Ербол Тишкамбаев О значении ..."}: title, rubric, local date-time, a view counter and the author's
 *       first name and surname; the text starts after the author (or after the time/counter if those are absent).
 *       The rubric is split off the title as the trailing one to three words starting at the last capitalised
 *       word; a heading whose title ends in a proper name is therefore split wrongly, which only shortens the
 *       title, never the text.</li>
 * </ul>
 * The header is <em>not</em> part of {@link FeedItem#text()}: downstream mention offsets index into the text, and
 * the header's parts are carried in their own fields. The time of the inline heading has no zone in the feed, so
 * publishedAt is a local date-time.
 *
 * <p>The source is the agency named after "сообщает"/"передает"/"пишет"/"информирует" when it looks like a site
 * name (Kazpravda.kz, BAQ.KZ); it stays in the text too.
 */
public final class FeedItemParser {

    private static final Pattern DATE_HEADER =
            Pattern.compile("^\\uFEFF?\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\s+|$)");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("января", 1), Map.entry("февраля", 2), Map.entry("марта", 3), Map.entry("апреля", 4),
            Map.entry("мая", 5), Map.entry("июня", 6), Map.entry("июля", 7), Map.entry("августа", 8),
            Map.entry("сентября", 9), Map.entry("октября", 10), Map.entry("ноября", 11), Map.entry("декабря", 12));

    private static final Pattern INLINE_HEADING = Pattern.compile(
            "^\\uFEFF?\\s*(?<heading>\\S.{0,300}?)\\s+(?<day>\\d{1,2})\\s+(?<month>"
                    + String.join("|", MONTHS.keySet())
                    + ")\\s+(?<year>\\d{4})\\s*г\\.?,?\\s+(?<hour>\\d{1,2}):(?<minute>\\d{2})"
                    + "(?:\\s+(?<views>\\d+)(?:\\s+(?<author>\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?))?)?"
                    + "(?:\\s+|$)",
            Pattern.DOTALL);

    private static final Pattern SOURCE = Pattern.compile(
            "(?:сообщает|сообщают|передает|передаёт|пишет|информирует)\\s+(?:корреспондент\\s+|агентство\\s+)?"
                    + "(?<source>[\\p{L}\\d][\\p{L}\\d-]*(?:\\.[\\p{L}\\d-]+)+)",
            Pattern.UNICODE_CASE);

    private static final int MAX_RUBRIC_WORDS = 3;

    private FeedItemParser() {
    }

    public static FeedItem parse(String item) {
        if (item == null) {
            throw new IllegalArgumentException("no feed item");
        }
        Matcher date = DATE_HEADER.matcher(item);
        if (date.find() && isDate(date.group(1))) {
            String text = item.substring(date.end());
            return new FeedItem(null, null, null, date.group(1), sourceIn(text), text);
        }
        Matcher heading = INLINE_HEADING.matcher(item);
        if (heading.find()) {
            String publishedAt = dateTime(heading);
            if (publishedAt != null) {
                String[] titleAndRubric = splitRubric(heading.group("heading").strip());
                String text = item.substring(heading.end());
                return new FeedItem(titleAndRubric[0], titleAndRubric[1], heading.group("author"), publishedAt,
                        sourceIn(text), text);
            }
        }
        return new FeedItem(null, null, null, null, sourceIn(item), item);
    }

    static String sourceIn(String text) {
        Matcher m = SOURCE.matcher(text);
        return m.find() ? m.group("source") : null;
    }

    private static boolean isDate(String iso) {
        try {
            LocalDate.parse(iso);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String dateTime(Matcher m) {
        try {
            return LocalDateTime.of(Integer.parseInt(m.group("year")), MONTHS.get(m.group("month")),
                    Integer.parseInt(m.group("day")), Integer.parseInt(m.group("hour")),
                    Integer.parseInt(m.group("minute"))).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** {title, rubric}: the rubric is the trailing 1-3 words from the last capitalised non-initial word. */
    static String[] splitRubric(String heading) {
        String[] words = heading.split("\\s+");
        for (int i = words.length - 1; i > 0; i--) {
            if (Character.isUpperCase(words[i].codePointAt(0))) {
                if (words.length - i > MAX_RUBRIC_WORDS) {
                    break;
                }
                return new String[] {String.join(" ", java.util.Arrays.copyOfRange(words, 0, i)),
                        String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length))};
            }
        }
        return new String[] {heading, null};
    }
}
