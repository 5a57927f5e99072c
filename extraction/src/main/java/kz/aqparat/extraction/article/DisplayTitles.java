package kz.aqparat.extraction.article;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aqparat.contracts.feed.FeedItem;
import kz.aqparat.contracts.feed.FeedItemParser;

/**
 * A title to show for an article that came without one, derived from its text: the title of the feed heading at the
 * start of the text where there is one (read by {@link FeedItemParser}, as ingest reads a plain-text item), otherwise
 * the text's first sentence, after a {@code date} header or a news dateline ("АСТАНА. КАЗИНФОРМ –", "Алматы, 3
 * марта. /Kazinform/ –"). At most {@link #MAX_CHARS} characters: a longer one is cut at a word boundary and ends in
 * "…". A sentence ends at a line break or at ". ", "! ", "? ", "… " outside quotation marks and not after an initial
 * or a common abbreviation ("г.", "т.е."), nor before a lower-case word; a final full stop is dropped.
 */
public final class DisplayTitles {

    /** The longest display title, in chars, the ellipsis of a cut title included. */
    public static final int MAX_CHARS = 140;

    private static final String MONTH = "(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
            + "|ноября|декабря)";
    /**
     * A dateline: a place (one or two capitalised words), then a date, an agency or both, then a dash. Without a
     * date or an agency, "Алматы – крупнейший город" is a sentence, not a dateline.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?"
                    + "(?<date>[.,]\\s*\\d{1,2}\\s+" + MONTH + "(?:\\s+\\d{4}(?:\\s*г(?:ода|\\.)?)?)?)?"
                    + "(?<agency>[.,]?\\s*(?:/[^/\\n]{1,40}/|\\([^()\\n]{1,40}\\)|\\p{Lu}{2,}[\\p{Lu}.-]*"
                    + "|[\\p{L}\\d-]+\\.(?:kz|KZ|ru|RU|com)))?"
                    + "[.,]?\\s*[–—-]\\s+");
    private static final Set<String> ABBREVIATIONS = Set.of("г", "гг", "т", "е", "п", "др", "пр", "им", "ул", "пл",
            "обл", "р", "руб", "тыс", "млн", "млрд", "трлн", "ст", "см", "напр", "проф", "акад", "св", "тел", "д",
            "кв", "corp", "inc", "mr", "mrs", "dr", "no");

    private DisplayTitles() {
    }

    /** The display title of {@code text}; null when it has no visible character. */
    public static String derive(String text) {
        if (text == null) {
            return null;
        }
        FeedItem item = FeedItemParser.parse(text);
        if (item.title() != null && !item.title().isBlank()) {
            return shortened(item.title());
        }
        String body = item.text().stripLeading();
        Matcher dateline = DATELINE.matcher(body);
        if (dateline.find() && (dateline.group("date") != null || dateline.group("agency") != null)) {
            body = body.substring(dateline.end());
        }
        String sentence = firstSentence(body);
        return sentence == null ? null : shortened(sentence);
    }

    /** The first sentence, or a start of it longer than {@link #MAX_CHARS}; null if none. */
    static String firstSentence(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == text.length()) {
            return null;
        }
        int quotes = 0;
        boolean straightQuote = false;
        int limit = Math.min(text.length(), start + 4 * MAX_CHARS);
        for (int i = start; i < limit; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n', '\r', '\u2028', '\u2029' -> {
                    return text.substring(start, i);
                }
                case '«', '„', '“' -> quotes++;
                case '»', '”' -> quotes = Math.max(0, quotes - 1);
                case '"' -> straightQuote = !straightQuote;
                case '.', '!', '?', '…' -> {
                    if (quotes == 0 && !straightQuote && endsSentence(text, start, i)) {
                        return text.substring(start, c == '.' ? i : i + 1);
                    }
                }
                default -> {
                }
            }
        }
        return text.substring(start, limit);
    }

    /** Whether the mark at {@code i} ends the sentence begun at {@code start}. */
    private static boolean endsSentence(String text, int start, int i) {
        int next = i + 1;
        if (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
            return false; // "1.5", "Kazpravda.kz", "т.е", "?!"
        }
        while (next < text.length() && Character.isWhitespace(text.charAt(next)) && text.charAt(next) != '\n') {
            next++;
        }
        if (next < text.length() && text.charAt(next) != '\n' && Character.isLowerCase(text.charAt(next))) {
            return false; // "в 2026 г. в Астане"
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        int word = i;
        while (word > start && Character.isLetter(text.charAt(word - 1))) {
            word--;
        }
        String before = text.substring(word, i);
        if (before.length() == 1 && Character.isUpperCase(before.charAt(0))) {
            return false; // an initial: "Б. Нысанбаева"
        }
        return !ABBREVIATIONS.contains(before.toLowerCase(java.util.Locale.ROOT));
    }

    /** White space collapsed; cut at a word boundary to {@link #MAX_CHARS} with an ellipsis when longer. */
    static String shortened(String title) {
        String s = title.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() <= MAX_CHARS) {
            return s;
        }
        // the longest run of whole words that fits with the ellipsis; trailing commas and dashes are dropped
        int cut = s.lastIndexOf(' ', MAX_CHARS);
        String head = cut <= 0 ? null : withoutTrailingPunctuation(s.substring(0, cut));
        while (head != null && head.length() > MAX_CHARS - 1) {
            cut = s.lastIndexOf(' ', cut - 1);
            head = cut <= 0 ? null : withoutTrailingPunctuation(s.substring(0, cut));
        }
        if (head == null || head.isEmpty()) {
            cut = MAX_CHARS - 1;
            if (Character.isLowSurrogate(s.charAt(cut))) {
                cut--;
            }
            head = s.substring(0, cut);
        }
        return head + "…";
    }

    private static String withoutTrailingPunctuation(String s) {
        return s.replaceAll("[\\s,;:–—-]+$", "");
    }
}
