package kz.aqparat.extraction.dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.DateMention;
import kz.aqparat.extraction.text.Tokens;

/**
 * Dates stated in the text, resolved against the publication date when they lack a year.
 *
 * <p>Reads "12 февраля", "3 марта 2026 г.", "3 марта 2026 г. 5:00" (a date-time), "12.02.2026" and ISO
 * "2026-02-18". The feed header "date 2026-02-18" at the start, and a full date with a time near the start (the
 * heading of some feeds: "… 3 марта 2026 г. 5:00 …"), are the PUBLICATION date; every other date is MENTIONED.
 * A date without a year gets the year that puts it closest to the publication date ("28 декабря" in an article
 * of 5 January is last year's). Impossible dates ("31 февраля") are skipped. One linear pass over {@link Tokens}.
 */
public final class DateExtractor {

    /** How far into the text a heading's date may start. */
    private static final int HEADING = 300;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("января", 1), Map.entry("февраля", 2), Map.entry("марта", 3), Map.entry("апреля", 4),
            Map.entry("мая", 5), Map.entry("июня", 6), Map.entry("июля", 7), Map.entry("августа", 8),
            Map.entry("сентября", 9), Map.entry("октября", 10), Map.entry("ноября", 11), Map.entry("декабря", 12));

    public static DateExtractor load() {
        return new DateExtractor();
    }

    /** A date as written: {@code year} 0 when the text gives none, {@code time} null when none. */
    private record Written(int year, int month, int day, LocalTime time, int start, int end, boolean header) {
    }

    public List<DateMention> extract(String text, LocalDate publicationDate) {
        return extract(Tokens.of(text), publicationDate);
    }

    public List<DateMention> extract(Tokens t, LocalDate publicationDate) {
        List<Written> written = new ArrayList<>();
        int i = 0;
        if (t.isWord(0) && t.lower(0).equals("date") && t.start(0) < 16) {
            Written header = iso(t, 1, true);
            if (header != null) {
                written.add(header);
                i = 6;
            }
        }
        while (i < t.size()) {
            Written w = null;
            if (t.isNumber(i) && (i == 0 || !t.attached(i) || !continuesSomething(t, i - 1))) {
                w = iso(t, i, false);
                if (w == null) {
                    w = dotted(t, i);
                }
                if (w == null) {
                    w = dayMonth(t, i);
                }
            }
            if (w == null) {
                i++;
                continue;
            }
            written.add(w);
            i = lastToken(t, i, w.end()) + 1;
        }
        return resolve(t.text(), written, publicationDate);
    }

    private static List<DateMention> resolve(String text, List<Written> written, LocalDate publicationDate) {
        int publication = -1;
        for (int k = 0; k < written.size() && publication < 0; k++) {
            Written w = written.get(k);
            if (w.header()) {
                publication = k;
            } else if (w.start() < HEADING && w.year() != 0 && valid(w.year(), w.month(), w.day())
                    && (w.time() != null
                        || LocalDate.of(w.year(), w.month(), w.day()).equals(publicationDate))) {
                publication = k;
            }
        }
        LocalDate reference = publicationDate;
        if (reference == null && publication >= 0) {
            Written p = written.get(publication);
            reference = valid(p.year(), p.month(), p.day()) ? LocalDate.of(p.year(), p.month(), p.day()) : null;
        }
        List<DateMention> mentions = new ArrayList<>(written.size());
        for (int k = 0; k < written.size(); k++) {
            Written w = written.get(k);
            LocalDate date = w.year() != 0 ? (valid(w.year(), w.month(), w.day())
                    ? LocalDate.of(w.year(), w.month(), w.day()) : null) : closest(w.month(), w.day(), reference);
            if (date == null) {
                continue;
            }
            String iso = w.time() == null ? date.toString() : LocalDateTime.of(date, w.time()).toString();
            mentions.add(new DateMention(iso, k == publication ? DateMention.PUBLICATION : DateMention.MENTIONED,
                    text.substring(w.start(), w.end()), w.start(), w.end()));
        }
        return mentions;
    }

    private static boolean valid(int year, int month, int day) {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
                && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** The valid date with this day and month nearest to {@code reference}; null without a reference. */
    private static LocalDate closest(int month, int day, LocalDate reference) {
        if (reference == null) {
            return null;
        }
        LocalDate best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 1; year++) {
            if (!valid(year, month, day)) {
                continue;
            }
            LocalDate candidate = LocalDate.of(year, month, day);
            long distance = Math.abs(candidate.toEpochDay() - reference.toEpochDay());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** A number glued to what precedes it ("№12", "Казахстан-2050", "1.12"), which starts no date. */
    private static boolean continuesSomething(Tokens t, int previous) {
        if (t.kind(previous) == Tokens.SYMBOL) {
            char c = t.text().charAt(t.start(previous));
            return c != '(' && c != '«' && c != '"' && c != '[' && c != '„' && c != '“';
        }
        return true;
    }

    /** "2026-02-18", not followed by more of a code ("2026-02-18-1"). */
    private static Written iso(Tokens t, int i, boolean header) {
        if (!t.isNumber(i) || t.length(i) != 4 || !t.isSymbol(i + 1, '-') || !t.attached(i + 1)
                || !t.isNumber(i + 2) || !t.attached(i + 2) || t.length(i + 2) != 2
                || !t.isSymbol(i + 3, '-') || !t.attached(i + 3) || !t.isNumber(i + 4) || !t.attached(i + 4)
                || t.length(i + 4) != 2) {
            return null;
        }
        if (i + 5 < t.size() && t.attached(i + 5) && (t.kind(i + 5) != Tokens.SYMBOL
                || t.isSymbol(i + 5, '-') || t.isSymbol(i + 5, '.') && t.isNumber(i + 6) && t.attached(i + 6))) {
            return null;
        }
        return new Written(t.intValue(i), t.intValue(i + 2), t.intValue(i + 4), null, t.start(i), t.end(i + 4),
                header);
    }

    /** "12.02.2026". */
    private static Written dotted(Tokens t, int i) {
        if (t.length(i) > 2 || !t.isSymbol(i + 1, '.') || !t.attached(i + 1) || !t.isNumber(i + 2)
                || !t.attached(i + 2) || t.length(i + 2) > 2 || !t.isSymbol(i + 3, '.') || !t.attached(i + 3)
                || !t.isNumber(i + 4) || !t.attached(i + 4) || t.length(i + 4) != 4) {
            return null;
        }
        if (i + 5 < t.size() && t.attached(i + 5) && (t.isNumber(i + 5) || t.isWord(i + 5)
                || (t.kind(i + 5) == Tokens.SYMBOL && t.isNumber(i + 6) && t.attached(i + 6)))) {
            return null; // 1.02.2026.5, an address or a version
        }
        int end = withYearWord(t, i + 5, t.end(i + 4));
        return new Written(t.intValue(i + 4), t.intValue(i + 2), t.intValue(i), null, t.start(i), end, false);
    }

    /** "12 февраля", "3 марта 2026 г.", "3 марта 2026 года", "3 марта 2026 г. 5:00". */
    private static Written dayMonth(Tokens t, int i) {
        if (t.length(i) > 2 || !t.isWord(i + 1) || !t.near(i + 1) || t.attached(i + 1)) {
            return null;
        }
        if (i + 1 < t.size() && t.isDash(i + 1)) {
            return null;
        }
        Integer month = MONTHS.get(t.lower(i + 1));
        int day = t.intValue(i);
        if (month == null || day < 1 || day > 31) {
            return null;
        }
        int end = t.end(i + 1);
        int year = 0;
        LocalTime time = null;
        int k = i + 2;
        if (t.isNumber(k) && t.near(k) && !t.attached(k) && t.length(k) == 4
                && !(t.isSymbol(k + 1, ':') && t.attached(k + 1))) {
            year = t.intValue(k);
            end = withYearWord(t, k + 1, t.end(k));
            k = lastToken(t, k, end) + 1;
            if (t.isNumber(k) && t.near(k) && t.length(k) <= 2 && t.isSymbol(k + 1, ':') && t.attached(k + 1)
                    && t.isNumber(k + 2) && t.attached(k + 2) && t.length(k + 2) == 2) {
                int hour = t.intValue(k);
                int minute = t.intValue(k + 2);
                if (hour < 24 && minute < 60) {
                    time = LocalTime.of(hour, minute);
                    end = t.end(k + 2);
                }
            }
        }
        return new Written(year, month, day, time, t.start(i), end, false);
    }

    /** The end of "г.", "года", "году" after a year at token {@code k}, or {@code end} if none follows. */
    private static int withYearWord(Tokens t, int k, int end) {
        if (!t.isWord(k) || !t.near(k) || t.attached(k)) {
            return end;
        }
        String w = t.lower(k);
        if (w.equals("г")) {
            return t.isSymbol(k + 1, '.') && t.attached(k + 1) ? t.end(k + 1) : t.end(k);
        }
        if (w.equals("года") || w.equals("году") || w.equals("год")) {
            return t.end(k);
        }
        return end;
    }

    /** The last token, from {@code i} on, that ends at or before {@code end}. */
    private static int lastToken(Tokens t, int i, int end) {
        int k = i;
        while (k + 1 < t.size() && t.end(k + 1) <= end) {
            k++;
        }
        return k;
    }
}
