package kz.aqparat.cli.articles;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;

/**
 * A deterministic stream of realistic articles made from the sample feed items: article {@code i} of a run is
 * always the same, so that the pass-through limit can be measured on exactly the records the pipeline got.
 *
 * <p>Each article takes the paragraphs of one sample in shuffled order and tops them up with paragraphs of the
 * others until it reaches a size drawn from a log-normal distribution (median about 0.8 of the mean, clamped to
 * 1–20 KB of UTF-8), swaps the Kazakhstan cities and regions it names for others (keeping the grammatical case),
 * moves its dates, and gets a publication date between 2024 and mid-2026 and a URL unique to the run, from which
 * ingest derives a new id.
 */
public final class ArticleStream {

    private static final int MIN_BYTES = 1024;
    private static final int MAX_BYTES = 20 * 1024;
    private static final double SIGMA = 0.6;
    private static final String[] SOURCES = {"Kazpravda.kz", "BAQ.KZ", "Inform.kz", "Tengrinews.kz", "Zakon.kz",
            "KazTAG", "Liter.kz"};
    private static final String[] MONTHS = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря"};

    /** Cities as {nominative, genitive, prepositional, instrumental}; indeclinable names repeat. */
    private static final String[][] CITIES = {
            {"Астана", "Астаны", "Астане", "Астаной"},
            {"Шымкент", "Шымкента", "Шымкенте", "Шымкентом"},
            {"Караганда", "Караганды", "Караганде", "Карагандой"},
            {"Тараз", "Тараза", "Таразе", "Таразом"},
            {"Павлодар", "Павлодара", "Павлодаре", "Павлодаром"},
            {"Усть-Каменогорск", "Усть-Каменогорска", "Усть-Каменогорске", "Усть-Каменогорском"},
            {"Костанай", "Костаная", "Костанае", "Костанаем"},
            {"Кызылорда", "Кызылорды", "Кызылорде", "Кызылордой"},
            {"Уральск", "Уральска", "Уральске", "Уральском"},
            {"Петропавловск", "Петропавловска", "Петропавловске", "Петропавловском"},
            {"Туркестан", "Туркестана", "Туркестане", "Туркестаном"},
            {"Талдыкорган", "Талдыкоргана", "Талдыкоргане", "Талдыкорганом"},
            {"Экибастуз", "Экибастуза", "Экибастузе", "Экибастузом"},
            {"Темиртау", "Темиртау", "Темиртау", "Темиртау"},
            {"Алматы", "Алматы", "Алматы", "Алматы"},
            {"Актобе", "Актобе", "Актобе", "Актобе"},
            {"Атырау", "Атырау", "Атырау", "Атырау"},
            {"Актау", "Актау", "Актау", "Актау"},
            {"Кокшетау", "Кокшетау", "Кокшетау", "Кокшетау"},
            {"Семей", "Семей", "Семее", "Семеем"},
    };
    /** Region adjective stems: "Карагандинск" + "ая область" / "ой области" / ... */
    private static final String[] REGION_STEMS = {"Карагандинск", "Акмолинск", "Алматинск", "Павлодарск",
            "Костанайск", "Атырауск", "Мангистауск", "Жамбылск", "Туркестанск", "Кызылординск", "Актюбинск",
            "Восточно-Казахстанск", "Западно-Казахстанск", "Северо-Казахстанск", "Абайск", "Жетысуск", "Улытауск"};

    private static final Pattern CITY = Pattern.compile(cityAlternation());
    private static final Pattern REGION = Pattern.compile("(" + String.join("|", REGION_STEMS)
            + ")(ая|ой|ую|ие|их|им)(?=\\s+област)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) (" + String.join("|", MONTHS)
            + ") (20\\d\\d)");
    private static final Pattern DATE_HEADER = Pattern.compile("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*");

    private final List<List<Paragraph>> samples;
    private final List<Paragraph> allParagraphs;
    private final String runId;
    private final long seed;
    private final double medianBytes;

    /**
     * @param sampleDir directory of sample feed items ({@code *.txt})
     * @param meanKb    mean article size in KB (sizes stay within 1–20 KB)
     */
    public ArticleStream(Path sampleDir, String runId, long seed, double meanKb) {
        this.samples = readSamples(sampleDir);
        this.allParagraphs = samples.stream().flatMap(List::stream).toList();
        this.runId = runId;
        this.seed = seed;
        this.medianBytes = meanKb * 1024 / Math.exp(SIGMA * SIGMA / 2);
    }

    private static List<List<Paragraph>> readSamples(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<List<Paragraph>> result = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = DATE_HEADER.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceFirst("");
                List<Paragraph> paragraphs = new ArrayList<>();
                for (String p : text.split("\\n\\s*\\n|\\n")) {
                    if (p.strip().length() > 20) {
                        paragraphs.add(Paragraph.of(p.strip()));
                    }
                }
                if (!paragraphs.isEmpty()) {
                    result.add(paragraphs);
                }
            }
            if (result.isEmpty()) {
                throw new IllegalStateException("no sample articles (*.txt) in " + dir);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read samples in " + dir, e);
        }
    }

    /** Every sample paragraph, with its slots. */
    List<Paragraph> paragraphs() {
        return allParagraphs;
    }

    /** Article {@code i} as ingest receives it ({@code id} and {@code receivedAt} are set by ingest). */
    public RawArticle article(long i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        int target = targetBytes(random);
        List<Paragraph> own = new ArrayList<>(samples.get((int) (i % samples.size())));
        Collections.shuffle(own, new Random(random.nextLong()));
        StringBuilder text = new StringBuilder(target);
        int bytes = 0;
        int next = 0;
        while (bytes < target) {
            Paragraph paragraph = next < own.size() ? own.get(next++)
                    : allParagraphs.get(random.nextInt(allParagraphs.size()));
            int size = paragraph.utf8Length() + 2;
            if (bytes + size > target) {
                String piece = cut(paragraph.text(), (target - bytes) / 2); // Cyrillic: two bytes a character
                if (bytes + utf8Length(piece) >= MIN_BYTES + 32) {
                    paragraph.prefix(piece.length()).fill(text, random);
                    break;
                }
                // too short still: take the paragraph whole and stop
                paragraph.fill(text, random);
                break;
            }
            paragraph.fill(text, random);
            bytes += size;
        }
        String body = fitToMax(text.toString().strip());
        LocalDate published = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(912));
        String title = title(body);
        return new RawArticle(null, SOURCES[random.nextInt(SOURCES.length)],
                "https://bench.aqparat.kz/" + runId + "/" + i, title, published.toString(), "ru", body, null);
    }

    /** The article as ingest would write it to {@code articles.raw}: same id, receivedAt now. */
    public RawArticle asStored(long i) {
        RawArticle a = article(i);
        return a.withId(ArticleIds.of(a.url(), a.text())).withReceivedAt(Instant.now());
    }

    /** The JSON body of {@code POST /api/articles} (one line of a batch). */
    public byte[] json(long i) {
        RawArticle a = article(i);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", a.source());
        body.put("url", a.url());
        body.put("title", a.title());
        body.put("publishedAt", a.publishedAt());
        body.put("language", a.language());
        body.put("text", a.text());
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int targetBytes(SplittableRandom random) {
        double gaussian = gaussian(random);
        double size = medianBytes * Math.exp(SIGMA * gaussian);
        // Headroom below the minimum: a paragraph cut to fit can end up to ~80 bytes short of the target.
        return (int) Math.max(MIN_BYTES + 128, Math.min(MAX_BYTES, size));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** At most {@code chars} characters, ending after a sentence or at least a word where possible. */
    private static String cut(String paragraph, int chars) {
        if (paragraph.length() <= chars) {
            return paragraph;
        }
        if (chars <= 0) {
            return "";
        }
        int sentence = paragraph.lastIndexOf(". ", chars - 1);
        if (sentence > chars / 2) {
            return paragraph.substring(0, sentence + 1);
        }
        int space = paragraph.lastIndexOf(' ', chars - 1);
        return paragraph.substring(0, space > chars / 2 ? space : chars);
    }

    /** Swapped names and three-byte characters can push an article past the maximum; cut it back. */
    private static String fitToMax(String body) {
        int bytes = utf8Length(body);
        if (bytes <= MAX_BYTES) {
            return body;
        }
        int end = body.length() - (bytes - MAX_BYTES); // at least this many characters too many
        while (utf8Length(body.substring(0, end)) > MAX_BYTES) {
            end -= 16;
        }
        if (Character.isHighSurrogate(body.charAt(end - 1))) {
            end--;
        }
        return body.substring(0, end).strip();
    }

    private static String title(String body) {
        int end = body.indexOf('.');
        String first = end > 0 ? body.substring(0, end) : body;
        return first.length() > 120 ? first.substring(0, 120) : first;
    }

    private static String cityAlternation() {
        List<String> words = new ArrayList<>();
        for (String[] city : CITIES) {
            for (String form : city) {
                if (!words.contains(form)) {
                    words.add(form);
                }
            }
        }
        // Longest first, so that "Астаной" is not read as "Астана" + "й".
        words.sort((a, b) -> b.length() - a.length());
        return "(?<![\\p{L}-])(" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}-])";
    }

    /** {@code s.getBytes(UTF_8).length} without encoding the string (once per article, it was 14 % of the harness). */
    static int utf8Length(CharSequence s) {
        int bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3; // getBytes writes a lone surrogate as '?'
            }
        }
        return bytes;
    }

    /**
     * A paragraph with the places and dates to swap found once, when the samples are read: filling it in is a
     * copy with random replacements, with no regular expression per article (which had made generating an article
     * cost 0.4 ms of the harness' CPU).
     */
    record Paragraph(String text, int utf8Length, List<Slot> slots) {

        private enum Kind { CITY, REGION, DATE }

        /** {@code text[start, end)} is replaced; {@code form} is the city's case, {@code suffix} the region's ending. */
        record Slot(int start, int end, Kind kind, int form, String suffix) {
        }

        static Paragraph of(String text) {
            List<Slot> slots = new ArrayList<>();
            Matcher city = CITY.matcher(text);
            while (city.find()) {
                slots.add(new Slot(city.start(), city.end(), Kind.CITY, formOf(city.group()), null));
            }
            Matcher region = REGION.matcher(text);
            while (region.find()) {
                slots.add(new Slot(region.start(), region.end(), Kind.REGION, 0, region.group(2)));
            }
            Matcher date = DAY_MONTH_YEAR.matcher(text);
            while (date.find()) {
                slots.add(new Slot(date.start(), date.end(), Kind.DATE, 0, null));
            }
            slots.sort(Comparator.comparingInt(Slot::start));
            List<Slot> disjoint = new ArrayList<>();
            int end = 0;
            for (Slot slot : slots) {
                if (slot.start() >= end) {
                    disjoint.add(slot);
                    end = slot.end();
                }
            }
            return new Paragraph(text, ArticleStream.utf8Length(text), List.copyOf(disjoint));
        }

        /** The first {@code length} characters, with the slots that lie wholly inside them (no matching again). */
        Paragraph prefix(int length) {
            if (length >= text.length()) {
                return this;
            }
            String head = text.substring(0, length);
            List<Slot> inside = slots.stream().filter(slot -> slot.end() <= length).toList();
            return new Paragraph(head, ArticleStream.utf8Length(head), inside);
        }

        /** Appends the paragraph with its places and dates swapped, and a blank line. */
        void fill(StringBuilder out, SplittableRandom random) {
            int at = 0;
            for (Slot slot : slots) {
                out.append(text, at, slot.start());
                switch (slot.kind()) {
                    case CITY -> out.append(CITIES[random.nextInt(CITIES.length)][slot.form()]);
                    case REGION -> out.append(REGION_STEMS[random.nextInt(REGION_STEMS.length)]).append(slot.suffix());
                    case DATE -> out.append(1 + random.nextInt(28)).append(' ').append(MONTHS[random.nextInt(12)])
                            .append(' ').append(2024 + random.nextInt(3));
                }
                at = slot.end();
            }
            out.append(text, at, text.length()).append("\n\n");
        }

        private static int formOf(String word) {
            for (String[] city : CITIES) {
                for (int f = city.length - 1; f >= 0; f--) {
                    if (city[f].equals(word)) {
                        return f;
                    }
                }
            }
            return 0;
        }
    }
}
