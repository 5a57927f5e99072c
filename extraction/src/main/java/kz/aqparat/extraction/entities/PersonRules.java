package kz.aqparat.extraction.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.extraction.morphology.Morphology;

/**
 * Person names: first name + (patronymic) + surname, initials + surname, then surnames and first names alone when
 * the dictionary marks them as such or a full name of the same person came earlier; plus the roles written next to
 * a name.
 */
final class PersonRules {

    enum Form { FULL, SURNAME, INITIALS, FIRST }

    /** A name part: its nominative, its key (lower case, folded, masculine for surnames) and gender if known. */
    record Part(String nominative, String key, String gender, boolean strong) {
    }

    private static final String[] SURNAME_SUFFIXES = {"ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына",
        "ский", "ская", "цкий", "цкая", "енко", "ук", "юк", "ян", "янц", "швили", "дзе", "али", "улы", "лы", "бек",
        "баев", "баева", "ович", "вич", "ко", "ых", "их", "ец"};

    private static final String[][] PATRONYMIC_FORMS = {{"овичем", "ович"}, {"евичем", "евич"}, {"ичем", "ич"},
        {"ича", "ич"}, {"ичу", "ич"}, {"иче", "ич"}, {"ич", "ич"}, {"овной", "овна"}, {"евной", "евна"},
        {"ичной", "ична"}, {"вны", "вна"}, {"вне", "вна"}, {"вну", "вна"}, {"вна", "вна"}, {"ичны", "ична"},
        {"ичне", "ична"}, {"ичну", "ична"}, {"ична", "ична"}};
    private static final String[][] SURNAME_FORMS = {{"овой", "ов"}, {"евой", "ев"}, {"иной", "ин"}, {"ыной", "ын"},
        {"овым", "ов"}, {"евым", "ев"}, {"иным", "ин"}, {"ыным", "ын"}, {"ова", "ов"}, {"ева", "ев"}, {"ина", "ин"},
        {"ына", "ын"}, {"ову", "ов"}, {"еву", "ев"}, {"ину", "ин"}, {"ыну", "ын"}, {"ове", "ов"}, {"еве", "ев"},
        {"ине", "ин"}, {"ыне", "ын"}, {"ов", "ов"}, {"ев", "ев"}, {"ин", "ин"}, {"ын", "ын"},
        {"ского", "ский"}, {"скому", "ский"}, {"ским", "ский"}, {"ском", "ский"}, {"ская", "ский"},
        {"ской", "ский"}, {"скую", "ский"}, {"ский", "ский"}, {"цкого", "цкий"}, {"цкому", "цкий"},
        {"цким", "цкий"}, {"цкая", "цкий"}, {"цкой", "цкий"}, {"цкий", "цкий"}};
    private static final String[] FIRST_NAME_ENDINGS = {"ой", "ом", "ем", "ей", "ы", "и", "е", "у", "ю", "а", "я"};
    private static final String[] FIRST_NAME_ADDITIONS = {"", "а", "я", "ь", "й"};
    private static final String[] FOREIGN_ENDINGS = {"ом", "ым", "ем", "а", "у", "е"};

    private final Morphology morphology;
    private final Lexicon lex;

    PersonRules(Morphology morphology, Lexicon lex) {
        this.morphology = morphology;
        this.lex = lex;
    }

    private static boolean nameLike(Token t) {
        return t.kind == Token.Kind.CYRILLIC && t.cap && !t.upper && t.text.length() > 1;
    }

    /** Works out the name parts a written form can be, once per form (see {@link Word}). */
    void describe(Token t, Word w) {
        w.first = first(t, w);
        w.surname = surname(t, w);
        w.patronymic = patronymic(t, w);
        w.surnameKeys = nameLike(t) ? surnameKeys(t, w) : null;
        w.onlySurnameReadings = onlyNameReadings(w.readings, "Fam");
        w.onlyFirstNameReadings = onlyNameReadings(w.readings, "Name");
        w.listedSurname = lex.lastNames.contains(t.norm);
    }

    // the name parts of a word that does not look like a name are null: no need to look the word up

    Part first(Document d, int i) {
        return nameLike(d.tokens.get(i)) ? d.word(i).first : null;
    }

    private Part first(Token t, Word w) {
        if (!nameLike(t) || w.formIn(WordList.STOP_CAP)) {
            return null;
        }
        for (Morphology.Analysis a : w.readings) {
            if (a.hasTag("Name")) {
                String g = a.hasTag("Fem") ? "F" : a.hasTag("Masc") ? "M" : null;
                String lemma = a.lemma();
                // "Аиды" has readings "аида" (Fem) and plural ones; prefer a singular reading
                if (a.hasTag("PL") && w.readings.size() > 1) {
                    continue;
                }
                return new Part(Document.matchCase(lemma, t.text), Normalizer.fold(lemma), g, true);
            }
        }
        for (Morphology.Analysis a : w.readings) {
            if (a.hasTag("Name")) {
                String lemma = a.lemma();
                return new Part(Document.matchCase(lemma, t.text), Normalizer.fold(lemma),
                        a.hasTag("Fem") ? "F" : "M", true);
            }
        }
        String n = t.norm;
        if (!w.unknown) {
            // "Дархан", "Бибигуль": in the name list, though the dictionary only knows a common noun
            return lex.firstNames.contains(n) && !lex.ambiguousFirstNames.contains(n) && !w.verb
                    && !w.adjective ? new Part(t.text, n, null, true) : null;
        }
        if (lex.firstNames.contains(n)) {
            return new Part(t.text, n, null, true);
        }
        return firstByStem(t);
    }

    /** "Сулима" → сулим, "Аиды" → аида: an inflected form of a listed first name. */
    private Part firstByStem(Token t) {
        String n = t.norm;
        for (String e : FIRST_NAME_ENDINGS) {
            if (n.endsWith(e) && n.length() > e.length() + 2) {
                String stem = n.substring(0, n.length() - e.length());
                for (String add : FIRST_NAME_ADDITIONS) {
                    if (lex.firstNames.contains(stem + add)) {
                        String lemma = stem + add;
                        return new Part(Document.matchCase(lemma, t.text), lemma,
                                add.equals("а") || add.equals("я") ? "F" : "M", true);
                    }
                }
            }
        }
        return null;
    }

    Part patronymic(Document d, int i) {
        return nameLike(d.tokens.get(i)) ? d.word(i).patronymic : null;
    }

    private Part patronymic(Token t, Word w) {
        if (!nameLike(t)) {
            return null;
        }
        String n = t.norm;
        for (String[] f : PATRONYMIC_FORMS) {
            if (n.endsWith(f[0]) && n.length() > f[0].length() + 2) {
                String nom = n.substring(0, n.length() - f[0].length()) + f[1];
                if (w.patronymicReading || lex.middleNames.contains(nom) || n.contains("вич") || n.contains("вн")) {
                    return new Part(Document.matchCase(nom, t.text), nom, f[1].endsWith("а") ? "F" : "M", true);
                }
            }
        }
        if (n.equals("улы") || n.equals("кызы") || n.endsWith("улы") && n.length() > 6) {
            return new Part(t.text, n, n.endsWith("кызы") ? "F" : "M", true);
        }
        return null;
    }

    /** A surname: from the dictionary (Fam), the surname list, or its shape. */
    Part surname(Document d, int i) {
        return nameLike(d.tokens.get(i)) ? d.word(i).surname : null;
    }

    private Part surname(Token t, Word w) {
        if (!nameLike(t) || w.formIn(WordList.STOP_CAP)) {
            return null;
        }
        for (Morphology.Analysis a : w.readings) {
            if (a.hasTag("Fam")) {
                String masc = Normalizer.fold(a.lemma());
                String g = a.hasTag("Fem") ? "F" : a.hasTag("Masc") ? "M" : null;
                return new Part(null, masc, g, true);
            }
        }
        String n = t.norm;
        boolean known = w.unknown;
        String masc = mascSurname(n);
        if (lex.lastNames.contains(n) || masc != null && lex.lastNames.contains(masc)) {
            String key = masc != null && lex.lastNames.contains(masc) ? masc : n;
            return new Part(null, key, feminineForm(n) ? "F" : null, known);
        }
        if (!known) {
            return null;
        }
        for (String s : SURNAME_SUFFIXES) {
            if (n.endsWith(s)) {
                return new Part(null, masc != null ? masc : n, null, false);
            }
        }
        if (masc != null) {
            return new Part(null, masc, null, false);
        }
        return new Part(null, stripForeign(n), null, false);
    }

    private static boolean feminineForm(String n) {
        return n.endsWith("ова") || n.endsWith("ева") || n.endsWith("ина") || n.endsWith("ына") || n.endsWith("ская")
                || n.endsWith("цкая") || n.endsWith("овой") || n.endsWith("евой") || n.endsWith("иной");
    }

    /** The masculine nominative of a Russian-type surname form (Балаевой → балаев), or null. */
    static String mascSurname(String n) {
        for (String[] m : SURNAME_FORMS) {
            if (n.endsWith(m[0]) && n.length() > m[0].length() + 2) {
                return n.substring(0, n.length() - m[0].length()) + m[1];
            }
        }
        return null;
    }

    /** Foreign surnames decline like nouns: Клинсмана → клинсман, Бута → бут; indeclinable ones stay. */
    static String stripForeign(String n) {
        for (String e : FOREIGN_ENDINGS) {
            if (n.endsWith(e) && n.length() > e.length() + 3) {
                String stem = n.substring(0, n.length() - e.length());
                char c = stem.charAt(stem.length() - 1);
                if ("аеёиоуыэюяь".indexOf(c) < 0) {
                    return stem;
                }
            }
        }
        return n;
    }

    /** Every key a surname form may have: for merging a lone "Балаевой" with "Аида Балаева". */
    private static Set<String> surnameKeys(Token t, Word w) {
        Set<String> k = new HashSet<>();
        k.add(t.norm);
        String m = mascSurname(t.norm);
        if (m != null) {
            k.add(m);
        }
        k.add(stripForeign(t.norm));
        for (Morphology.Analysis a : w.readings) {
            if (a.hasTag("Fam")) {
                k.add(Normalizer.fold(a.lemma()));
            }
        }
        return k;
    }

    static String surnameNominative(Part s, String surface, String gender) {
        String masc = s.key();
        String folded = Normalizer.fold(surface);
        if (folded.endsWith("ов") || folded.endsWith("ев") || folded.endsWith("ин") || folded.endsWith("ын")
                || folded.endsWith("ский") || folded.endsWith("цкий")) {
            gender = "M";
        } else if (folded.endsWith("овой") || folded.endsWith("евой") || folded.endsWith("иной")
                || folded.endsWith("ской") && !"M".equals(gender)) {
            gender = "F";
        }
        boolean russian = masc.endsWith("ов") || masc.endsWith("ев") || masc.endsWith("ин") || masc.endsWith("ын")
                || masc.endsWith("ский") || masc.endsWith("цкий");
        String nom;
        if (!russian) {
            // foreign and Kazakh indeclinable surnames are kept; declined foreign ones are cut back to the stem
            nom = masc;
        } else if ("F".equals(gender)) {
            nom = masc.endsWith("ий") ? masc.substring(0, masc.length() - 2) + "ая" : masc + "а";
        } else {
            nom = masc;
        }
        return restoreLetters(nom, surface);
    }

    /** Capitalise like the surface and keep its Kazakh letters where the folded nominative agrees with it. */
    static String restoreLetters(String nom, String surface) {
        StringBuilder b = new StringBuilder(nom.length());
        for (int i = 0; i < nom.length(); i++) {
            char c = nom.charAt(i);
            if (i < surface.length() && Normalizer.fold(surface.charAt(i)) == c) {
                char s = surface.charAt(i);
                b.append(i == 0 ? Character.toUpperCase(s) : Character.toLowerCase(s));
            } else {
                b.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return b.toString();
    }

    boolean isPersonStart(Document d, int i) {
        Part f = first(d, i);
        return f != null && i + 1 < d.tokens.size() && surname(d, i + 1) != null;
    }

    private static final Set<String> PARTICLES = Set.of("ле", "де", "ван", "фон", "дер", "ди", "да", "дель", "ла",
        "бин", "ибн", "аль", "эль", "абд", "ал", "ун");

    /** Could this token be part of a name run: a name by the dictionary or lists, or unknown to the dictionary. */
    private boolean namePart(Document d, int i, Lexicon.Node gazetteer) {
        Token t = d.tokens.get(i);
        if (!nameLike(t) || d.claimed(i)) {
            return false;
        }
        Word w = d.word(i);
        if (w.formIn(WordList.STOP_CAP) || w.compoundBody || w.gazetteerEntry()) {
            return false;
        }
        if (w.lemmaIn(WordList.ORG_HEAD) || w.lemmaIn(WordList.LOC_DESCRIPTOR) || w.lemmaIn(WordList.ROLE)) {
            return false;
        }
        if (i + 1 < d.tokens.size() && d.tokens.get(i + 1).isWord()
                && (d.lemmaIn(i + 1, WordList.LOC_HEAD) || d.lemmaIn(i + 1, WordList.ORG_HEAD))) {
            return false;
        }
        return w.unknown || w.nameReading || w.listedSurname;
    }

    /**
     * Runs of capitalised name words in one line: first name (+ patronymic or more given names) + surname, and
     * foreign names unknown to the dictionary ("Пегги Уитсон", "Ху Цзиньтао", "Марин Ле Пен").
     */
    void fullNames(Document d) {
        List<Token> t = d.tokens;
        for (int i = 0; i < t.size(); i++) {
            if (d.claimed(i)) {
                continue;
            }
            if (initials(d, i) > 0) {
                continue;
            }
            int syllables = syllabicName(d, i);
            if (syllables > 0) {
                addRun(d, i, syllables, null);
                i = syllables - 1;
                continue;
            }
            Part f = first(d, i);
            if (f == null && nameLike(t.get(i)) && i + 1 < t.size() && d.hasSurnameReading(i + 1)
                    && !t.get(i + 1).lineStart && !d.claimed(i + 1) && !d.formIn(i, WordList.STOP_CAP)) {
                // "похоронах Сулима Ямадаева": a first name the dictionary reads as a common word, before a surname
                f = firstByStem(t.get(i));
            }
            if (f == null && !namePart(d, i, lex.gazetteer)) {
                continue;
            }
            // extend the run
            int e = i + 1;
            boolean listedSurname = false;
            while (e < t.size() && e < i + 5 && !t.get(e).lineStart) {
                Token x = t.get(e);
                if (PARTICLES.contains(x.norm) && e + 1 < t.size() && nameLike(t.get(e + 1))
                        && !t.get(e + 1).lineStart) {
                    // "Марин Ле Пен": the word after a particle is the name, whatever else it may mean
                    e++;
                    if (!namePart(d, e, lex.gazetteer) && !d.formIn(e, WordList.STOP_CAP) && !d.claimed(e)) {
                        e++;
                        listedSurname = true;
                        break;
                    }
                    continue;
                }
                if (namePart(d, e, lex.gazetteer)) {
                    e++;
                    continue;
                }
                // after a first name, the next capitalised word is the surname even if it is also a common word
                if (f != null && e == i + 1 && nameLike(x) && !d.formIn(e, WordList.STOP_CAP) && !d.claimed(e)
                        && !d.lemmaIn(e, WordList.ORG_HEAD) && !d.lemmaIn(e, WordList.ROLE)
                        && (!inGazetteer(d, e) || epithet(d, e))
                        && (!d.sentenceStart(i) || d.word(i).onlyFirstNameReadings) && !(e + 1 < t.size() && t.get(e + 1).isWord()
                        && d.lemmaIn(e + 1, WordList.ORG_HEAD))) {
                    e++;
                } else if (f == null && e == i + 1 && d.unknown(i) && candidateSurname(d, e)) {
                    // "Наото Кан", "Гергей Ковач": a given name the lists lack before a listed surname
                    e++;
                    listedSurname = true;
                }
                break;
            }
            if (e - i >= 3 && inGazetteer(d, i)) {
                // "президент Ирана Махмуд Ахмадинежад": a place before a full name is the place, not a given name
                i++;
                f = first(d, i);
            }
            if (e - i >= 3 && d.sentenceStart(i) && commonWord(d, i) && first(d, i + 1) != null) {
                // "Сам Александр Белов", "Архитектор Ираклий Лолашвили": the sentence's first word is no name part
                i++;
                f = first(d, i);
            }
            if (e - i < 2) {
                continue;
            }
            boolean anyName = f != null || listedSurname
                    || e - i == 2 && d.unknown(i) && !d.sentenceStart(i) && candidateSurname(d, i + 1);
            boolean allUnknown = true;
            for (int k = i; k < e; k++) {
                if (!d.unknown(k) && !PARTICLES.contains(t.get(k).norm)) {
                    allUnknown = false;
                }
                if (k > i && (patronymic(d, k) != null || surname(d, k) != null && surname(d, k).strong())) {
                    anyName = true;
                }
            }
            if (!anyName && !(allUnknown && !d.sentenceStart(i))) {
                continue;
            }
            addRun(d, i, e, f);
            i = e - 1;
        }
    }

    /**
     * "Аун Сан Су Чжи", "Ли Со Ён", "Ким Ир Сен": three or more capitalised words of one syllable's letters in a
     * row are an East Asian name; its end, or -1.
     */
    private static int syllabicName(Document d, int i) {
        List<Token> t = d.tokens;
        int e = i;
        while (e < t.size() && e < i + 5 && !d.claimed(e) && t.get(e).kind == Token.Kind.CYRILLIC && t.get(e).cap
                && !t.get(e).upper && t.get(e).text.length() <= 3 && (e == i || !t.get(e).lineStart
                && t.get(e).start == t.get(e - 1).end + 1)) {
            e++;
        }
        return e - i >= 3 ? e : -1;
    }

    /**
     * "Иоанн Грозный": an adjective in the nominative after a given name is its epithet, even where a place has the
     * same name; not a region's adjective before its noun ("Карагандинской области").
     */
    private static boolean epithet(Document d, int e) {
        if (e + 1 < d.tokens.size() && d.lemmaIn(e + 1, WordList.LOC_HEAD)) {
            return false;
        }
        for (Morphology.Analysis a : d.readings(e)) {
            if (a.tag().startsWith("ADJ") && a.tag().endsWith(":Nom")) {
                return true;
            }
        }
        return false;
    }

    /** The dictionary reads the word only as a common word, never as a name. */
    private static boolean commonWord(Document d, int i) {
        List<Morphology.Analysis> r = d.readings(i);
        if (r.isEmpty()) {
            return false;
        }
        for (Morphology.Analysis a : r) {
            String tag = a.tag();
            if (tag.contains(":Name") || tag.contains(":Fam") || tag.contains(":Patr")) {
                return false;
            }
        }
        return true;
    }

    /** A capitalised word that the surname list has, and nothing marks as a place, body, role or verb. */
    private boolean candidateSurname(Document d, int e) {
        Token x = d.tokens.get(e);
        if (!nameLike(x) || d.formIn(e, WordList.STOP_CAP) || d.claimed(e) || d.lemmaIn(e, WordList.ORG_HEAD)
                || d.lemmaIn(e, WordList.ROLE)
                || inGazetteer(d, e) || d.isVerb(e) || d.isAdjective(e)) {
            return false;
        }
        String masc = mascSurname(x.norm);
        return lex.lastNames.contains(x.norm) || masc != null && lex.lastNames.contains(masc)
                || lex.lastNames.contains(stripForeign(x.norm));
    }

    private static boolean inGazetteer(Document d, int i) {
        return d.word(i).gazetteerEntry();
    }

    private void addRun(Document d, int i, int e, Part f) {
        List<Token> t = d.tokens;
        Part m = e - i >= 2 ? patronymic(d, e - 1) : null;
        String gender = f != null ? f.gender() : null;
        if (m != null && e - i == 2 && f != null) {
            // "Борис Николаевич": first name and patronymic, no surname
            Document.Found found = d.add(EntityType.PERSON, "", f.nominative() + " " + m.nominative(), null, i, e);
            found.form = Form.FULL;
            found.surnameKey = "";
            found.firstKey = f.key() + " " + m.key();
            roles(d, found);
            return;
        }
        StringBuilder name = new StringBuilder(f != null ? f.nominative() : t.get(i).text);
        for (int k = i + 1; k < e - 1; k++) {
            Part p = patronymic(d, k);
            name.append(' ').append(p != null ? p.nominative() : t.get(k).text);
            if (p != null && gender == null) {
                gender = p.gender();
            }
        }
        Part s = surname(d, e - 1);
        String surnameKey;
        if (s != null) {
            if (gender == null) {
                gender = s.gender();
            }
            name.append(' ').append(surnameNominative(s, t.get(e - 1).text, gender));
            surnameKey = s.key();
        } else {
            name.append(' ').append(t.get(e - 1).text);
            surnameKey = t.get(e - 1).norm;
        }
        String firstKey = f != null ? f.key() : t.get(i).norm;
        Document.Found found = d.add(EntityType.PERSON, surnameKey, name.toString(), null, i, e);
        found.form = Form.FULL;
        found.surnameKey = surnameKey;
        found.firstKey = firstKey;
        roles(d, found);
        latinAfter(d, found);
    }

    /** "Барри Лоуенкрон (Barry Lowenkron)": the Latin spelling in brackets is the same person. */
    private void latinAfter(Document d, Document.Found person) {
        List<Token> t = d.tokens;
        int o = person.end;
        if (o + 3 < t.size() && t.get(o).is("(") && t.get(o + 1).kind == Token.Kind.LATIN && t.get(o + 1).cap) {
            int e = o + 1;
            while (e < t.size() && e < o + 5 && t.get(e).kind == Token.Kind.LATIN) {
                e++;
            }
            if (e < t.size() && t.get(e).is(")") && e - o >= 3) {
                Document.Found f = d.add(EntityType.PERSON, person.key, person.name, null, o + 1, e);
                f.form = Form.FULL;
                f.surnameKey = person.surnameKey;
                f.firstKey = person.firstKey;
            }
        }
    }

    private boolean acceptableWeakSurname(Document d, int j) {
        if (!d.unknown(j)) {
            return false;
        }
        return !(j + 1 < d.tokens.size() && d.tokens.get(j + 1).is(".") && d.tokens.get(j).text.length() <= 2);
    }

    /** "Б. Нысанбаева", "А. С. Пушкин". Returns the end token index, or -1. */
    private int initials(Document d, int i) {
        List<Token> t = d.tokens;
        int k = i;
        int count = 0;
        if (t.get(i).text.length() != 1) {
            return -1;
        }
        StringBuilder letters = new StringBuilder();
        while (k + 1 < t.size() && count < 2 && t.get(k).kind == Token.Kind.CYRILLIC && t.get(k).text.length() == 1
                && Character.isUpperCase(t.get(k).text.charAt(0)) && t.get(k + 1).is(".")) {
            letters.append(t.get(k).text).append(". ");
            k += 2;
            count++;
        }
        if (count == 0 || k >= t.size() || d.claimed(k) || !nameLike(t.get(k))) {
            return -1;
        }
        Part s = surname(d, k);
        if (s == null) {
            return -1;
        }
        String name = letters + surnameNominative(s, t.get(k).text, s.gender());
        Document.Found found = d.add(EntityType.PERSON, s.key(), name, null, i, k + 1);
        found.form = Form.INITIALS;
        found.surnameKey = s.key();
        found.firstKey = Normalizer.fold(t.get(i).text);
        roles(d, found);
        return k + 1;
    }

    /** Surnames and first names alone: known from a full name earlier, marked by the dictionary, or after a role. */
    void shortForms(Document d) {
        List<Token> t = d.tokens;
        Set<String> surnames = new HashSet<>();
        Set<String> firsts = new HashSet<>();
        for (Document.Found f : d.found) {
            if (f.type == EntityType.PERSON && f.surnameKey != null && !f.surnameKey.isEmpty()) {
                surnames.add(f.surnameKey);
                if (f.form == Form.FULL) {
                    firsts.add(f.firstKey);
                }
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (d.claimed(i) || !nameLike(t.get(i)) || d.formIn(i, WordList.STOP_CAP)) {
                continue;
            }
            String known = null;
            for (String k : d.word(i).surnameKeys) {
                if (surnames.contains(k)) {
                    known = k;
                }
            }
            if (known != null) {
                Document.Found f = d.add(EntityType.PERSON, known, t.get(i).text, null, i, i + 1);
                f.form = Form.SURNAME;
                f.surnameKey = known;
                continue;
            }
            Part fn = first(d, i);
            if (fn != null && firsts.contains(fn.key())) {
                Document.Found f = d.add(EntityType.PERSON, fn.key(), fn.nominative(), null, i, i + 1);
                f.form = Form.FIRST;
                f.firstKey = fn.key();
                continue;
            }
            boolean afterRole = i > 0 && t.get(i - 1).isWord() && d.lemmaIn(i - 1, WordList.ROLE);
            Part s = surname(d, i);
            if (s != null && (d.word(i).onlySurnameReadings && !d.unknown(i) || afterRole && (s.strong()
                    || d.unknown(i)) || knownRussianSurname(d, i))) {
                String name = surnameNominative(s, t.get(i).text, s.gender());
                Document.Found f = d.add(EntityType.PERSON, s.key(), name, null, i, i + 1);
                f.form = Form.SURNAME;
                f.surnameKey = s.key();
                surnames.add(s.key());
                roles(d, f);
                continue;
            }
            if (fn != null && !lex.ambiguousFirstNames.contains(fn.key()) && d.word(i).onlyFirstNameReadings
                    && !d.sentenceStart(i)) {
                Document.Found f = d.add(EntityType.PERSON, fn.key(), fn.nominative(), null, i, i + 1);
                f.form = Form.FIRST;
                f.firstKey = fn.key();
            }
        }
    }

    /**
     * "Путин", "Лужкова": a surname alone when the dictionary reads it as a surname, it has a Russian surname
     * ending (-ов, -ев, -ин, -ский, ...) and the surname list has it; not a place or a word such as a month.
     */
    private boolean knownRussianSurname(Document d, int i) {
        Token t = d.tokens.get(i);
        String masc = mascSurname(t.norm);
        if (masc == null || !lex.lastNames.contains(masc) || !d.hasSurnameReading(i) || inGazetteer(d, i)
                || d.isAdjective(i)) {
            return false;
        }
        // "Острова" is the island before it is Mr Ostrov: a common noun with the surname's own stem
        List<Morphology.Analysis> r = d.readings(i);
        String[] lemmas = d.lemmaKeys(i);
        for (int n = 0; n < r.size(); n++) {
            if (!r.get(n).hasTag("Fam") && !r.get(n).hasTag("Name") && lemmas[n].equals(masc)) {
                return false;
            }
        }
        return !(i + 1 < d.tokens.size() && d.tokens.get(i + 1).isWord()
                && (d.lemmaIn(i + 1, WordList.LOC_HEAD) || d.lemmaIn(i + 1, WordList.ORG_HEAD)));
    }

    /** Every dictionary reading is a name of the given kind (Fam, Name, Patr): no common word reads the same. */
    private static boolean onlyNameReadings(List<Morphology.Analysis> r, String kind) {
        if (r.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (Morphology.Analysis a : r) {
            if (a.hasTag(kind)) {
                any = true;
            } else if (!a.hasTag("Name") && !a.hasTag("Fam") && !a.hasTag("Patr")) {
                return false;
            }
        }
        return any;
    }

    // ---------------------------------------------------------------- roles

    /** Roles written before the name ("депутат Мажилиса Руслан Кожасбаев") or after it (", министр ..."). */
    void roles(Document d, Document.Found person) {
        List<Token> t = d.tokens;
        // left context up to the sentence start, another entity of type PERSON, or 30 tokens
        int k = person.start - 1;
        int limit = Math.max(0, person.start - 30);
        while (k >= limit) {
            Token x = t.get(k);
            if (x.is(".") || x.is("!") || x.is("?") || x.is(":") || x.is(";") || x.is("(") || x.is(")")
                    || t.get(k + 1).lineStart || d.owner[k] != null && d.owner[k].type == EntityType.PERSON) {
                break;
            }
            k--;
        }
        int from = k + 1;
        Document.Found previous = k >= 0 && d.owner[k] != null && d.owner[k].type == EntityType.PERSON
                ? d.owner[k] : null;
        List<int[]> segments = new ArrayList<>();
        int segEnd = person.start;
        int depth = 0;
        for (int i = person.start - 1; i >= from; i--) {
            Token x = t.get(i);
            if (x.is("»")) {
                depth++;
            } else if (x.is("«")) {
                depth = Math.max(0, depth - 1);
            } else if (x.is(",") && depth == 0) {
                segments.add(new int[] {i + 1, segEnd});
                segEnd = i;
            }
        }
        segments.add(new int[] {from, segEnd});
        List<String> found = new ArrayList<>();
        boolean plural = false;
        for (int n = 0; n < segments.size(); n++) {
            int s = segments.get(n)[0];
            int e = segments.get(n)[1];
            while (s < e && (t.get(s).norm.equals("и") || t.get(s).norm.equals("а") || t.get(s).norm.equals("также")
                    || t.get(s).norm.equals("в") && false)) {
                s++;
            }
            if (s >= e) {
                if (n == 0 && previous != null && previous.pluralRole && !previous.roles.isEmpty()) {
                    found.add(previous.roles.get(previous.roles.size() - 1));
                    plural = true;
                }
                break;
            }
            int head = -1;
            for (int i = s; i < e; i++) {
                if (t.get(i).isWord() && d.lemmaIn(i, WordList.ROLE) && !t.get(i).cap || t.get(i).isWord()
                        && d.lemmaIn(i, WordList.ROLE) && i == s) {
                    head = i;
                    break;
                }
            }
            if (n == 0 && head < 0 && e - s == 1 && t.get(s).norm.equals("и") && previous != null
                    && previous.pluralRole) {
                found.add(previous.roles.get(previous.roles.size() - 1));
                break;
            }
            if (head < 0) {
                break;
            }
            int rs = head;
            while (rs - 1 >= s && t.get(rs - 1).isWord() && d.isAdjective(rs - 1) && !d.isVerb(rs - 1)
                    && rs - 1 >= head - 2) {
                rs--;
            }
            boolean verb = false;
            for (int i = head + 1; i < e; i++) {
                if (d.isVerb(i) && !d.isAdjective(i)) {
                    verb = true;
                }
            }
            if (verb || e - head > 14) {
                break;
            }
            String role = roleText(d, rs, head, e);
            if (n == 0) {
                plural = d.isPluralOnly(head);
            }
            found.add(0, role);
        }
        // apposition after the name: "Аида Балаева, заместитель председателя коалиции,"
        int a = person.end;
        if (found.isEmpty() && a + 1 < t.size() && t.get(a).is(",") && t.get(a + 1).isWord()
                && d.lemmaIn(a + 1, WordList.ROLE) && !t.get(a + 1).cap) {
            int e = a + 1;
            while (e < t.size() && e < a + 12 && !(t.get(e).is(",") || t.get(e).is(".") || t.get(e).is(";")
                    || t.get(e).is("(") || t.get(e).is(")") || t.get(e).lineStart && e > a + 1)) {
                if (d.isVerb(e) && !d.isAdjective(e)) {
                    e = -1;
                    break;
                }
                e++;
            }
            if (e > a + 1) {
                found.add(roleText(d, a + 1, a + 1, e));
            }
        }
        person.roles.addAll(found);
        person.pluralRole = plural;
    }

    /** Role text with its head noun in the nominative singular, lower case: "депутаты Мажилиса" → "депутат Мажилиса". */
    private String roleText(Document d, int rs, int head, int e) {
        List<Token> t = d.tokens;
        StringBuilder b = new StringBuilder();
        for (int i = rs; i < e; i++) {
            Token x = t.get(i);
            String w = x.text;
            if (i == head) {
                List<Morphology.Analysis> r = d.readings(i);
                for (Morphology.Analysis a : r) {
                    if (a.tag().startsWith("NN")) {
                        w = a.lemma();
                        break;
                    }
                }
                if (i == rs) {
                    w = w.toLowerCase();
                }
            } else if (i < head) {
                w = i == rs ? w.toLowerCase() : w;
                for (Morphology.Analysis a : d.readings(i)) {
                    if (a.tag().startsWith("ADJ")) {
                        w = a.lemma();
                        break;
                    }
                }
            }
            b.append(w);
            if (i + 1 < e) {
                b.append(d.text, x.end, t.get(i + 1).start);
            }
        }
        return b.toString().replace('\n', ' ').trim();
    }
}
