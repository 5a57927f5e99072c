package kz.aqparat.ingest.articles;

import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordLimits;

/**
 * The rules every field of an article must keep, whichever way it came in (JSON or a feed item), so that what ingest
 * accepts can be read by every consumer of {@code articles.raw} and fits the record limit. Each rule refuses with a
 * detail that names the field; docs/ingest.md lists them.
 *
 * <p>Markup: every field is plain text, never interpreted as HTML. {@code title}, {@code author} and {@code source}
 * refuse tags ({@code <b>}, {@code <script ...>}, {@code </p>}, {@code <!-- }): in a heading, a byline or an agency
 * name a tag is always a scraper's mistake. {@code url} cannot hold one (an absolute http(s) URI has no {@code < > "}). {@code text} is
 * stored exactly as sent, markup included, because mention offsets downstream index into exactly that string
 * (stripping would move them) and a tag-like run in a long text is too often legitimate ({@code a<b}, quoted code);
 * readers show it as text (the store answers JSON, the dashboard sets {@code textContent}).
 */
final class ArticleFields {

    static final int MAX_TITLE_CHARS = 1_000;
    static final int MAX_SOURCE_CHARS = 200;
    static final int MAX_AUTHOR_CHARS = 200;
    static final int MAX_URL_CHARS = 2_048;
    static final int MAX_LANGUAGE_CHARS = 35;
    static final int MAX_PUBLISHED_AT_CHARS = 40;
    /** The earliest publishedAt: older dates are typing errors (0202-03-01), not news. */
    static final LocalDate EARLIEST_PUBLISHED = LocalDate.of(1800, 1, 1);

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern TAG = Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?>|<!--|<!\\[CDATA\\[|<![A-Za-z]|<\\?[A-Za-z]");
    /** The longest id and receivedAt a record can get, so that the size checked is never below the real one. */
    private static final String LONGEST_ID = "0".repeat(32);
    private static final Instant LONGEST_RECEIVED_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private ArticleFields() {
    }

    /** The article, checked; {@code clock} bounds publishedAt (at most one day ahead). */
    static RawArticle check(RawArticle article, Clock clock) {
        String text = article.text();
        if (text == null || !hasVisibleCharacter(text)) {
            throw InvalidArticle.badRequest("missing-text", "field 'text' is required and must not be empty "
                    + "or only white space");
        }
        for (String[] field : new String[][] {{"text", text}, {"title", article.title()},
                {"author", article.author()},
                {"source", article.source()}, {"url", article.url()}, {"publishedAt", article.publishedAt()},
                {"language", article.language()}}) {
            checkCharacters(field[0], field[1]);
        }
        checkLength("title", article.title(), MAX_TITLE_CHARS);
        checkLength("source", article.source(), MAX_SOURCE_CHARS);
        checkLength("author", article.author(), MAX_AUTHOR_CHARS);
        checkLength("url", article.url(), MAX_URL_CHARS);
        checkNoMarkup("title", article.title());
        checkNoMarkup("source", article.source());
        checkNoMarkup("author", article.author());
        checkUrl(article.url());
        checkLanguage(article.language());
        checkPublishedAt(article.publishedAt(), clock);
        checkRecordSize(article);
        return article;
    }

    private static boolean hasVisibleCharacter(String s) {
        return s.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.CONTROL);
    }

    /** No control character but TAB, LF and CR; no unpaired surrogate (not Unicode, refused by strict readers). */
    static void checkCharacters(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidArticle.badRequest("invalid-character", String.format(Locale.ROOT,
                        "field '%s' has an unpaired surrogate U+%04X at index %d; send valid Unicode", field,
                        (int) c, i));
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                throw InvalidArticle.badRequest("invalid-character", String.format(Locale.ROOT,
                        "field '%s' has the control character U+%04X at index %d; only TAB, LF and CR are allowed",
                        field, (int) c, i));
            }
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw InvalidArticle.badRequest("field-too-long", "field '" + field + "' has "
                    + value.codePointCount(0, value.length()) + " characters; at most " + max + " are allowed");
        }
    }

    private static void checkNoMarkup(String field, String value) {
        if (value == null) {
            return;
        }
        Matcher tag = TAG.matcher(value);
        if (tag.find()) {
            String found = tag.group();
            throw InvalidArticle.badRequest("markup", "field '" + field + "' is plain text but has markup at index "
                    + tag.start() + ": '" + (found.length() > 40 ? found.substring(0, 40) + "…" : found) + "'");
        }
    }

    private static void checkUrl(String url) {
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw InvalidArticle.badRequest("invalid-url", "field 'url' is not a valid URI: " + e.getReason()
                    + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null
                || uri.getRawAuthority().isEmpty()) {
            throw InvalidArticle.badRequest("invalid-url", "field 'url' must be an absolute http or https URL "
                    + "with a host, e.g. https://kazpravda.kz/n/1");
        }
        if (uri.getRawAuthority().contains("@")) {
            throw InvalidArticle.badRequest("invalid-url", "field 'url' must not carry a user name or password");
        }
    }

    private static void checkLanguage(String language) {
        if (language != null && (language.length() > MAX_LANGUAGE_CHARS || !LANGUAGE.matcher(language).matches())) {
            throw InvalidArticle.badRequest("invalid-field", "field 'language' must be a language code such as "
                    + "\"ru\", \"kk\" or \"en\" (ISO 639, lower case, optional BCP 47 subtags)");
        }
    }

    private static void checkPublishedAt(String publishedAt, Clock clock) {
        if (publishedAt == null) {
            return;
        }
        if (publishedAt.length() > MAX_PUBLISHED_AT_CHARS) {
            throw InvalidArticle.badRequest("invalid-date", "field 'publishedAt' must be an ISO-8601 date or "
                    + "date-time such as 2026-02-18 or 2026-02-18T10:15:00+05:00");
        }
        Instant now = clock.instant();
        boolean inRange;
        try {
            inRange = inRange(publishedAt, now);
        } catch (DateTimeParseException e) {
            throw InvalidArticle.badRequest("invalid-date", "field 'publishedAt' must be an ISO-8601 date or "
                    + "date-time such as 2026-02-18 or 2026-02-18T10:15:00+05:00, got '" + publishedAt + "'");
        }
        if (!inRange) {
            throw InvalidArticle.badRequest("invalid-date", "field 'publishedAt' is '" + publishedAt
                    + "'; it must be from " + EARLIEST_PUBLISHED + " to one day after now ("
                    + now.plusSeconds(86_400) + ")");
        }
    }

    /** Local dates and times are compared as if in UTC; the day of slack covers every zone. */
    private static boolean inRange(String s, Instant now) {
        LocalDateTime latest = LocalDateTime.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        LocalDateTime earliest = EARLIEST_PUBLISHED.atStartOfDay();
        LocalDateTime at;
        try {
            at = LocalDate.parse(s).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            try {
                at = LocalDateTime.parse(s);
            } catch (DateTimeParseException notALocalDateTime) {
                try {
                    at = LocalDateTime.ofInstant(OffsetDateTime.parse(s).toInstant(), ZoneOffset.UTC);
                } catch (DateTimeException outOfInstantRange) {
                    if (outOfInstantRange instanceof DateTimeParseException parse) {
                        throw parse;
                    }
                    return false;
                }
            }
        }
        return !at.isBefore(earliest) && !at.isAfter(latest);
    }

    /** 413 when the record ingest would write (with the longest id and receivedAt) is above the record limit. */
    private static void checkRecordSize(RawArticle article) {
        long bytes = serializedSize(article.withId(LONGEST_ID).withReceivedAt(LONGEST_RECEIVED_AT));
        if (bytes > RecordLimits.MAX_RAW_VALUE_BYTES) {
            throw new InvalidArticle(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", "the article's record would be "
                    + bytes + " bytes of JSON; the limit is " + RecordLimits.MAX_RAW_VALUE_BYTES
                    + " (RecordLimits.MAX_RAW_VALUE_BYTES): shorten the text");
        }
    }

    static long serializedSize(RawArticle article) {
        CountingStream counter = new CountingStream();
        try {
            Json.mapper().writeValue(counter, article);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
