package kz.aqparat.bench.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The people, organisations and places a generated history talks about, by popularity rank (rank 0 is the most
 * mentioned), made from the lists the extraction engine already ships: first names and surnames
 * ({@code kz/aqparat/extraction/names}, MIT, see its LICENSE), the gazetteer of Kazakhstan's administrative units
 * with their first-level region, the world gazetteer and the known organisations. Rank {@code k} always gives the
 * same name, so a history can be regenerated and checked.
 *
 * <p>Persons are "First Last" in the nominative, the surname in the feminine form for a feminine first name, as the
 * engine writes canonical names ("Аида Балаева"); a fifth of them have a role of their own. Organisations are the
 * known ones first (Мажилис, Правительство РК …), then companies, public bodies and associations named after
 * surnames and places ("ТОО «Бекжанов Строй»"). Places are the three cities of republican significance first, then
 * the Kazakhstan gazetteer in a fixed shuffled order, then the world.
 */
public final class NamePopulation {

    /** A place, with its first-level region of Kazakhstan (null outside Kazakhstan). */
    public record Place(String name, String region) {
    }

    /** A person with the role stated next to the name in the articles (null when none). */
    public record Person(String name, String role) {
    }

    private static final String RESOURCES = "/kz/aqparat/extraction/";
    /** Masculine surname endings: the list also holds words that are not surnames ("коморить"). */
    private static final Pattern SURNAME = Pattern.compile("[а-яё]{3,11}(ов|ев|ёв|ин|ын|ский|цкий|енко|ук|юк|ян|бек)");
    private static final Pattern FIRST = Pattern.compile("[а-яё]{3,10}");
    private static final List<String> MASCULINE_IN_A = List.of("илья", "никита", "кузьма", "фома", "муса", "иса",
            "данила", "лука", "савва", "мустафа", "яхья", "зия", "гарсия");
    private static final String[] ROLES = {"аким области", "аким города", "депутат Мажилиса", "сенатор", "министр",
            "вице-министр", "председатель правления", "директор", "генеральный директор", "прокурор", "судья",
            "эксперт", "политолог", "экономист", "глава департамента", "руководитель управления", "ректор",
            "тренер", "президент федерации", "пресс-секретарь"};
    private static final String[] COMPANY_FORMS = {"ТОО", "АО", "ТОО", "ТОО", "ИП", "ОО", "КГУ", "РГП"};
    private static final String[] COMPANY_SUFFIXES = {"", " Строй", " Агро", " Трейд", " Сервис", " Групп", " Инвест",
            " Энерго", " Транс", " Мунай", " Логистик", " Медиа", " Фарм", " Текстиль", " Курылыс", " Темир"};
    private static final String[] BODIES = {"Управление образования", "Управление здравоохранения",
            "Департамент полиции", "Департамент экологии", "Управление сельского хозяйства", "Областной суд",
            "Маслихат", "Акимат", "Департамент юстиции", "Управление культуры"};

    private final List<String> firstNames;
    private final List<String> surnames;
    private final List<String> knownOrganizations;
    private final List<Place> places;
    private final List<Place> kazakhPlaces;
    private final long seed;

    private NamePopulation(List<String> firstNames, List<String> surnames, List<String> knownOrganizations,
                           List<Place> places, List<Place> kazakhPlaces, long seed) {
        this.firstNames = firstNames;
        this.surnames = surnames;
        this.knownOrganizations = knownOrganizations;
        this.places = places;
        this.kazakhPlaces = kazakhPlaces;
        this.seed = seed;
    }

    /** Reads the lists from the extraction engine's resources (on the classpath). */
    public static NamePopulation load(long seed) {
        List<String> first = new ArrayList<>();
        lines("names/first.txt", l -> {
            if (FIRST.matcher(l).matches()) {
                first.add(l);
            }
        });
        List<String> last = new ArrayList<>();
        lines("names/last.txt", l -> {
            if (SURNAME.matcher(l).matches()) {
                last.add(l);
            }
        });
        List<String> orgs = new ArrayList<>();
        lines("gazetteer/organizations.tsv", l -> orgs.add(l.split("\t")[0]));
        List<Place> kz = new ArrayList<>();
        lines("gazetteer/kazakhstan.tsv", l -> {
            String[] columns = l.split("\t");
            if (columns.length >= 2 && !"-".equals(columns[1])) {
                kz.add(new Place(columns[0], columns[1]));
            }
        });
        List<Place> head = new ArrayList<>();
        for (String city : List.of("Астана", "Алматы", "Шымкент")) {
            kz.stream().filter(p -> p.name().equals(city)).findFirst().ifPresent(head::add);
        }
        List<Place> rest = new ArrayList<>(kz);
        rest.removeAll(head);
        Collections.shuffle(rest, new Random(seed));
        List<Place> world = new ArrayList<>();
        lines("gazetteer/world.tsv", l -> world.add(new Place(l.split("\t")[0], null)));
        List<Place> all = new ArrayList<>(head);
        // Kazakhstan's places first (the feed is Kazakhstan's news), the world interleaved after the first 20.
        List<Place> kazakh = new ArrayList<>(head);
        kazakh.addAll(rest);
        for (int i = 0, w = 0; i < rest.size() || w < world.size(); ) {
            boolean kazakhNext = i < rest.size() && (w >= world.size() || all.size() < 20 || all.size() % 3 != 0);
            all.add(kazakhNext ? rest.get(i++) : world.get(w++));
        }
        if (first.isEmpty() || last.isEmpty() || kazakh.isEmpty()) {
            throw new IllegalStateException("the extraction engine's name lists are not on the classpath");
        }
        return new NamePopulation(List.copyOf(first), List.copyOf(last), List.copyOf(orgs), List.copyOf(all),
                List.copyOf(kazakh), seed);
    }

    private static void lines(String resource, Consumer<String> line) {
        try (InputStream in = NamePopulation.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                int comment = l.indexOf('#');
                String text = (comment >= 0 ? l.substring(0, comment) : l).strip();
                if (!text.isEmpty()) {
                    line.accept(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SplittableRandom at(long kind, int rank) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 1_000_000_007L + rank);
    }

    /** The person of popularity rank {@code rank}. */
    public Person person(int rank) {
        SplittableRandom random = at(1, rank);
        String first = firstNames.get(random.nextInt(firstNames.size()));
        String last = surnames.get(random.nextInt(surnames.size()));
        boolean feminine = (first.endsWith("а") || first.endsWith("я")) && !MASCULINE_IN_A.contains(first);
        if (feminine) {
            last = feminine(last);
        }
        String role = random.nextInt(5) == 0 ? ROLES[random.nextInt(ROLES.length)] : null;
        return new Person(capitalized(first) + " " + capitalized(last), role);
    }

    /** The organisation of popularity rank {@code rank}. */
    public String organization(int rank) {
        if (rank < knownOrganizations.size()) {
            return knownOrganizations.get(rank);
        }
        SplittableRandom random = at(2, rank);
        int kind = random.nextInt(10);
        if (kind < 7) {
            String stem = capitalized(surnames.get(random.nextInt(surnames.size())));
            return COMPANY_FORMS[random.nextInt(COMPANY_FORMS.length)] + " «" + stem
                    + COMPANY_SUFFIXES[random.nextInt(COMPANY_SUFFIXES.length)] + "»";
        }
        Place place = kazakhPlaces.get(random.nextInt(kazakhPlaces.size()));
        return BODIES[random.nextInt(BODIES.length)] + " (" + place.name() + ")";
    }

    /** The place of popularity rank {@code rank} (ranks past the gazetteer wrap around). */
    public Place place(int rank) {
        return places.get(rank % places.size());
    }

    public int places() {
        return places.size();
    }

    private static String feminine(String surname) {
        if (surname.endsWith("ский") || surname.endsWith("цкий")) {
            return surname.substring(0, surname.length() - 2) + "ая";
        }
        if (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв") || surname.endsWith("ин")
                || surname.endsWith("ын")) {
            return surname + "а";
        }
        return surname;
    }

    private static String capitalized(String word) {
        StringBuilder b = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == ' ';
        }
        return b.toString();
    }
}
