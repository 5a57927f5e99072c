package kz.aqparat.bench.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import kz.aqparat.cli.articles.ArticleStream;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.DateMention;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.contracts.Mention;
import kz.aqparat.contracts.Qualifier;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.Statistic;

/**
 * A deterministic history of articles for {@code --preload}: article {@code i} is always the same, as raw (what
 * ingest writes to {@code articles.raw}) and as enriched (what enrich would write to {@code articles.enriched}),
 * without running the extraction engine.
 *
 * <p>Each article is one of {@link ArticleStream}'s texts (the samples' paragraphs, realistic sizes, publication
 * days spread over 2024–2026) with a lead paragraph in front naming 1–4 persons, 1–3 organisations and 1–3 places
 * drawn from a {@link NamePopulation} with a Zipf-like skew, a date and three statistics; its entities, regions,
 * statistics and dates are exactly those, with mention offsets into the text (a valid enriched-article contract
 * record). Distinct names grow with the history the way they do in news: the head recurs in every other article,
 * the tail of {@link #PERSONS} persons and {@link #ORGANIZATIONS} organisations fills in slowly.
 */
public final class HistoryArticles {

    /** Population sizes: tens of thousands of distinct persons and organisations at a million articles. */
    public static final int PERSONS = 100_000;
    public static final int ORGANIZATIONS = 40_000;
    /** Zipf exponents and offsets (see {@link Zipf}): the top person is in about 6 % of the articles. */
    static final double PERSON_EXPONENT = 1.0;
    static final double PERSON_OFFSET = 3;
    static final double ORGANIZATION_EXPONENT = 1.0;
    static final double ORGANIZATION_OFFSET = 2;
    static final double PLACE_EXPONENT = 1.1;
    static final double PLACE_OFFSET = 1;

    private static final String[] MONTHS = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря"};

    /** One generated article: the raw record, its text fingerprint, and what an extraction of it found. */
    public record Generated(RawArticle raw, String fingerprint, Extraction extraction) {

        public String id() {
            return raw.id();
        }
    }

    private final ArticleStream texts;
    private final NamePopulation names;
    private final Zipf persons;
    private final Zipf organizations;
    private final Zipf places;
    private final long seed;
    private final String engineVersion;

    public HistoryArticles(ArticleStream texts, NamePopulation names, long seed, String engineVersion) {
        this(texts, names, PERSONS, ORGANIZATIONS, seed, engineVersion);
    }

    HistoryArticles(ArticleStream texts, NamePopulation names, int persons, int organizations, long seed,
                    String engineVersion) {
        this.texts = texts;
        this.names = names;
        this.persons = new Zipf(persons, PERSON_EXPONENT, PERSON_OFFSET);
        this.organizations = new Zipf(organizations, ORGANIZATION_EXPONENT, ORGANIZATION_OFFSET);
        this.places = new Zipf(names.places(), PLACE_EXPONENT, PLACE_OFFSET);
        this.seed = seed;
        this.engineVersion = engineVersion;
    }

    /** Article {@code i}: ids, text and received time as ingest would have written them. */
    public Generated article(long i) {
        RawArticle base = texts.article(i);
        SplittableRandom random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + i);
        Lead lead = new Lead();
        List<NamePopulation.Person> people = new ArrayList<>();
        for (int rank : distinct(random, persons, 1 + random.nextInt(4))) {
            people.add(names.person(rank));
        }
        List<String> orgs = new ArrayList<>();
        for (int rank : distinct(random, organizations, 1 + random.nextInt(3))) {
            orgs.add(names.organization(rank));
        }
        List<NamePopulation.Place> where = new ArrayList<>();
        for (int rank : distinct(random, places, 1 + random.nextInt(3))) {
            where.add(names.place(rank));
        }
        LocalDate published = LocalDate.parse(base.publishedAt());

        lead.mention(EntityType.LOCATION, where.get(0).name(), null, where.get(0).region()).text(". Участники: ");
        for (int p = 0; p < people.size(); p++) {
            NamePopulation.Person person = people.get(p);
            lead.text(p == 0 ? "" : ", ").mention(EntityType.PERSON, person.name(), person.role(), null);
            if (person.role() != null) {
                lead.text(" (" + person.role() + ")");
            }
        }
        lead.text(". Организаторы: ");
        for (int o = 0; o < orgs.size(); o++) {
            lead.text(o == 0 ? "" : ", ").mention(EntityType.ORGANIZATION, orgs.get(o), null, null);
        }
        lead.text(".");
        if (where.size() > 1) {
            lead.text(" Упоминаются также: ");
            for (int w = 1; w < where.size(); w++) {
                lead.text(w == 1 ? "" : ", ").mention(EntityType.LOCATION, where.get(w).name(), null,
                        where.get(w).region());
            }
            lead.text(".");
        }
        if (random.nextBoolean()) {
            lead.text(" Слово взял(а) ").mention(EntityType.PERSON, people.get(0).name(), people.get(0).role(), null)
                    .text(".");
        }
        LocalDate mentioned = published.minusDays(random.nextInt(30));
        lead.text(" По данным на ").date(mentioned).text(" года, в проекте заняты ")
                .statistic(1 + random.nextInt(2000), 1, Qualifier.EXACT, "сотрудник", null, Statistic.Kind.COUNT,
                        " сотрудников")
                .text(", бюджет составил ")
                .statistic(1 + random.nextInt(900), 1_000_000, Qualifier.ABOUT, "тенге", "KZT", Statistic.Kind.MONEY,
                        " млн тенге")
                .text(", рост — ")
                .statistic(1 + random.nextInt(99), 1, Qualifier.EXACT, "%", null, Statistic.Kind.PERCENT, " %")
                .text(".\n\n");

        String text = lead.text.append(base.text()).toString();
        String id = ArticleIds.of(base.url(), text);
        String fingerprint = ArticleIds.of(null, text);
        Instant received = published.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(6 * 3600
                + random.nextInt(16 * 3600));
        RawArticle raw = new RawArticle(id, base.source(), base.url(), base.title(), base.publishedAt(),
                base.language(), text, received);
        return new Generated(raw, fingerprint, lead.extraction());
    }

    /** The enriched record of {@code article}, as if enriched from raw offset {@code sourceVersion}. */
    public EnrichedArticle enriched(Generated article, long sourceVersion) {
        Instant processed = article.raw().receivedAt().plusMillis(400);
        return EnrichedArticle.of(article.raw(), article.extraction(),
                new Enrichment(engineVersion, processed, sourceVersion));
    }

    private static Set<Integer> distinct(SplittableRandom random, Zipf zipf, int count) {
        Set<Integer> ranks = new LinkedHashSet<>();
        int want = Math.min(count, zipf.size());
        for (int tries = 0; ranks.size() < want && tries < 20 * want; tries++) {
            ranks.add(zipf.sample(random));
        }
        return ranks;
    }

    /** The lead paragraph being written, with what an extraction would find in it at which offsets. */
    private static final class Lead {
        final StringBuilder text = new StringBuilder(512);
        final List<Entity> entities = new ArrayList<>();
        final List<Statistic> statistics = new ArrayList<>();
        final List<DateMention> dates = new ArrayList<>();

        Lead text(String s) {
            text.append(s);
            return this;
        }

        Lead mention(EntityType type, String name, String role, String region) {
            int start = text.length();
            text.append(name);
            Mention mention = new Mention(start, text.length(), name);
            for (int e = 0; e < entities.size(); e++) {
                Entity known = entities.get(e);
                if (known.type() == type && known.name().equals(name)) {
                    List<Mention> mentions = new ArrayList<>(known.mentions());
                    mentions.add(mention);
                    entities.set(e, new Entity(type, name, known.roles(), region, mentions));
                    return this;
                }
            }
            entities.add(new Entity(type, name, role == null ? List.of() : List.of(role), region,
                    List.of(mention)));
            return this;
        }

        Lead date(LocalDate day) {
            int start = text.length();
            text.append(day.getDayOfMonth()).append(' ').append(MONTHS[day.getMonthValue() - 1]).append(' ')
                    .append(day.getYear());
            dates.add(new DateMention(day.toString(), DateMention.MENTIONED, text.substring(start), start,
                    text.length()));
            return this;
        }

        Lead statistic(long number, long scale, Qualifier qualifier, String unit, String currency,
                       Statistic.Kind kind, String suffix) {
            int start = text.length();
            text.append(number).append(suffix);
            statistics.add(new Statistic(BigDecimal.valueOf(number * scale), null, qualifier, unit, currency, kind,
                    text.substring(start), start, text.length()));
            return this;
        }

        Extraction extraction() {
            Set<String> regions = new LinkedHashSet<>();
            for (Entity e : entities) {
                if (e.region() != null) {
                    regions.add(e.region());
                }
            }
            return new Extraction(entities, List.copyOf(regions), statistics, dates);
        }
    }
}
