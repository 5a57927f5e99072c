package kz.aqparat.extraction.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.Entity;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Mention;
import kz.aqparat.extraction.morphology.Morphology;

/** One text under extraction: its tokens, their cached readings, the spans claimed so far and what they are. */
final class Document {

    /** A found span; persons carry the parts needed to merge them. */
    static final class Found {
        final EntityType type;
        final String key;
        final String name;
        final String region;
        final int start;
        final int end;
        final List<String> roles = new ArrayList<>();
        String surnameKey;
        String firstKey;
        PersonRules.Form form;
        boolean pluralRole;
        /** An organisation written in quotes ("ТОО «Кайнар АКБ»"). */
        boolean quoted;

        Found(EntityType type, String key, String name, String region, int start, int end) {
            this.type = type;
            this.key = key;
            this.name = name;
            this.region = region;
            this.start = start;
            this.end = end;
        }
    }

    final String text;
    final List<Token> tokens;
    private final Morphology morphology;
    private final Words vocabulary;
    private final Word[] words;
    final Found[] owner;
    final List<Found> found = new ArrayList<>();

    Document(String text, List<Token> tokens, Morphology morphology, Words vocabulary) {
        this.text = text;
        this.tokens = tokens;
        this.morphology = morphology;
        this.vocabulary = vocabulary;
        this.words = new Word[tokens.size()];
        this.owner = new Found[tokens.size()];
    }

    boolean claimed(int i) {
        return owner[i] != null;
    }

    Word word(int i) {
        Word w = words[i];
        if (w == null) {
            w = vocabulary.of(tokens.get(i));
            words[i] = w;
        }
        return w;
    }

    List<Morphology.Analysis> readings(int i) {
        return word(i).readings;
    }

    Set<String> keys(int i) {
        return word(i).keys;
    }

    boolean unknown(int i) {
        return word(i).unknown;
    }

    /** The folded lemmas of token {@code i}, in the order of its readings. */
    String[] lemmaKeys(int i) {
        return word(i).lemmaKeys;
    }

    /** The token or one of its lemmas is in the list. */
    boolean lemmaIn(int i, WordList list) {
        return word(i).lemmaIn(list);
    }

    /** The token itself (folded) is in the list. */
    boolean formIn(int i, WordList list) {
        return word(i).formIn(list);
    }

    /** See {@link Word#compoundBody}. */
    boolean compoundBody(int i) {
        Token w = tokens.get(i);
        // what the token shows rules most words out without looking the word up
        return w.kind == Token.Kind.CYRILLIC && w.cap && !w.upper && w.text.length() >= 7 && word(i).compoundBody;
    }

    boolean isAdjective(int i) {
        return word(i).adjective;
    }

    boolean isGenitive(int i) {
        return word(i).genitive;
    }

    boolean isVerb(int i) {
        return word(i).verb;
    }

    boolean isFunctionWord(int i) {
        return word(i).functionWord;
    }

    boolean hasSurnameReading(int i) {
        return word(i).surnameReading;
    }

    boolean isPluralOnly(int i) {
        return word(i).pluralOnly;
    }

    /** At the start of a sentence or line (after . ! ? … or an opening quote/dash that follows one). */
    boolean sentenceStart(int i) {
        int k = i - 1;
        while (k >= 0 && !tokens.get(k + 1).lineStart) {
            Token p = tokens.get(k);
            if (p.is("«") || p.is("\"") || p.is("–") || p.is("—") || p.is("-") || p.is("(") || p.is("„")
                    || p.is("“")) {
                k--;
                continue;
            }
            return p.is(".") || p.is("!") || p.is("?") || p.is("…") || p.is(":") || p.is(";");
        }
        return true;
    }

    /** Lemma-based key of tokens [s, e). */
    String keyOf(int s, int e) {
        StringBuilder b = new StringBuilder();
        for (int i = s; i < e; i++) {
            Token t = tokens.get(i);
            if (!t.isWord() && t.kind != Token.Kind.NUMBER) {
                continue;
            }
            List<Morphology.Analysis> r = readings(i);
            b.append(b.length() > 0 ? " " : "").append(r.isEmpty() ? t.norm : lemmaKeys(i)[0]);
        }
        return b.toString();
    }

    /** The surface text of [s, e) with the first word as a dictionary lemma when it is a known noun. */
    String lemmaName(int s, int e) {
        String surface = text.substring(tokens.get(s).start, tokens.get(e - 1).end);
        if (e - s == 1) {
            for (Morphology.Analysis a : readings(s)) {
                if (a.tag().startsWith("NN") && !a.tag().contains("Name") && !a.tag().contains("Fam")) {
                    return matchCase(a.lemma(), tokens.get(s).text);
                }
            }
        }
        return surface;
    }

    /**
     * Nominative of an organisation or region phrase: adjectives [s, head) and the head noun in the nominative
     * singular, the complement [head+1, end) as written.
     */
    String nominative(int s, int head, int end) {
        String synthesized = synthesizedNominative(s, head, end);
        if (synthesized != null) {
            return synthesized;
        }
        String gender = "Masc";
        String headLemma = tokens.get(head).text;
        boolean headPlural = false;
        for (Morphology.Analysis a : readings(head)) {
            if (a.tag().startsWith("NN")) {
                headLemma = a.lemma();
                gender = a.hasTag("Fem") ? "Fem" : a.hasTag("Neut") ? "Neut" : "Masc";
                headPlural = a.hasTag("PL") && !a.hasTag("Sin");
                break;
            }
        }
        if (headPlural) {
            return text.substring(tokens.get(s).start, tokens.get(end - 1).end);
        }
        StringBuilder b = new StringBuilder();
        for (int i = s; i < head; i++) {
            b.append(matchCase(adjectiveForm(i, gender), tokens.get(i).text));
            b.append(text, tokens.get(i).end, tokens.get(i + 1).start);
        }
        b.append(matchCase(headLemma, tokens.get(head).text));
        if (end > head + 1) {
            b.append(text, tokens.get(head).end, tokens.get(end - 1).end);
        }
        return b.toString();
    }

    private static final Set<String> CASES = Set.of("Nom", "R", "D", "V", "T", "P");

    /**
     * "Общенациональной коалиции" → "Общенациональная коалиция", "избирательных комиссий" → "избирательные
     * комиссии": the head noun and the adjectives agreeing with it put into the nominative of the same number and
     * gender by the dictionary's synthesis; null when no reading of the head agrees with all the adjectives or a
     * form cannot be made.
     */
    private String synthesizedNominative(int s, int head, int end) {
        Morphology.Analysis best = null;
        for (Morphology.Analysis h : readings(head)) {
            if (!h.tag().startsWith("NN") || !CASES.contains(caseOf(h.tag())) || !agreeing(s, head, h)) {
                continue;
            }
            if (best == null || caseOf(h.tag()).equals("Nom") && !caseOf(best.tag()).equals("Nom")) {
                best = h;
            }
        }
        if (best == null) {
            return null;
        }
        if (caseOf(best.tag()).equals("Nom")) {
            return text.substring(tokens.get(s).start, tokens.get(end - 1).end);
        }
        String c = caseOf(best.tag());
        StringBuilder b = new StringBuilder();
        for (int i = s; i < head; i++) {
            if (tokens.get(i).norm.equals("и")) {
                // "Промышленного и коммерческого банка": the adjectives joined by "и" agree each on its own
                b.append(tokens.get(i).text).append(text, tokens.get(i).end, tokens.get(i + 1).start);
                continue;
            }
            String form = null;
            for (Morphology.Analysis a : readings(i)) {
                if (a.tag().startsWith("ADJ") && agrees(a.tag(), best.tag(), c)) {
                    form = closest(morphology.synthesize(a.lemma(), withCase(a.tag(), "Nom")), tokens.get(i).norm);
                    break;
                }
            }
            if (form == null && readings(i).isEmpty() && !best.hasTag("PL")) {
                // "Костанайском": a regional adjective the dictionary lacks, made from its stem
                form = adjectiveForm(i, best.hasTag("Fem") ? "Fem" : best.hasTag("Neut") ? "Neut" : "Masc");
            }
            if (form == null) {
                return null;
            }
            b.append(matchCase(form, tokens.get(i).text)).append(text, tokens.get(i).end, tokens.get(i + 1).start);
        }
        String headForm = closest(morphology.synthesize(best.lemma(), withCase(best.tag(), "Nom")),
                tokens.get(head).norm);
        if (headForm == null) {
            return null;
        }
        b.append(matchCase(headForm, tokens.get(head).text));
        if (end > head + 1) {
            b.append(text, tokens.get(head).end, tokens.get(end - 1).end);
        }
        return b.toString();
    }

    /** Whether every word of [s, head) is an adjective agreeing with head reading {@code h}. */
    private boolean agreeing(int s, int head, Morphology.Analysis h) {
        String c = caseOf(h.tag());
        for (int i = s; i < head; i++) {
            if (tokens.get(i).norm.equals("и")) {
                continue;
            }
            boolean any = readings(i).isEmpty() && Keys.adjectiveStem(tokens.get(i).norm) != null;
            for (Morphology.Analysis a : readings(i)) {
                any |= a.tag().startsWith("ADJ") && agrees(a.tag(), h.tag(), c);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean agrees(String adjTag, String nounTag, String c) {
        if (!caseOf(adjTag).equals(c)) {
            return false;
        }
        Morphology.Analysis adj = new Morphology.Analysis("", adjTag);
        Morphology.Analysis noun = new Morphology.Analysis("", nounTag);
        if (noun.hasTag("PL")) {
            return adj.hasTag("PL");
        }
        for (String g : new String[] {"Masc", "Fem", "Neut"}) {
            if (noun.hasTag(g)) {
                return adj.hasTag(g);
            }
        }
        return false;
    }

    private static String caseOf(String tag) {
        return tag.substring(tag.lastIndexOf(':') + 1);
    }

    private static String withCase(String tag, String c) {
        return tag.substring(0, tag.lastIndexOf(':') + 1) + c;
    }

    /** Of several forms ("высочайший", "высший"), the one sharing the longest beginning with the written word. */
    private static String closest(List<String> forms, String written) {
        String best = null;
        int bestLen = -1;
        for (String f : forms) {
            int n = 0;
            while (n < f.length() && n < written.length() && f.charAt(n) == written.charAt(n)) {
                n++;
            }
            if (n > bestLen) {
                best = f;
                bestLen = n;
            }
        }
        return best;
    }

    String adjectiveForm(int i, String gender) {
        String lemma = null;
        for (Morphology.Analysis a : readings(i)) {
            if (a.tag().startsWith("ADJ")) {
                lemma = a.lemma();
                break;
            }
        }
        if (lemma == null) {
            lemma = Keys.adjective(tokens.get(i).norm);
            if (lemma == null) {
                return tokens.get(i).text;
            }
        }
        if (gender.equals("Masc") || lemma.length() < 3) {
            return lemma;
        }
        String stem = lemma.substring(0, lemma.length() - 2);
        boolean soft = lemma.endsWith("ий") && "кгхжшчщ".indexOf(stem.charAt(stem.length() - 1)) < 0;
        if (gender.equals("Fem")) {
            return stem + (soft ? "яя" : "ая");
        }
        return stem + (soft ? "ее" : "ое");
    }

    static String matchCase(String lemma, String original) {
        if (lemma.isEmpty()) {
            return lemma;
        }
        boolean upper = original.length() > 1 && original.equals(original.toUpperCase());
        if (upper) {
            return lemma.toUpperCase();
        }
        StringBuilder b = new StringBuilder(lemma.length());
        boolean capNext = Character.isUpperCase(original.charAt(0));
        for (int i = 0; i < lemma.length(); i++) {
            char c = lemma.charAt(i);
            b.append(capNext ? Character.toUpperCase(c) : c);
            capNext = c == '-' && i < original.length() && original.indexOf('-') >= 0
                    && Character.isUpperCase(original.charAt(Math.min(original.length() - 1, i + 1)));
        }
        return b.toString();
    }

    Found add(EntityType type, String key, String name, String region, int s, int e) {
        Found f = new Found(type, key, name, region, s, e);
        for (int i = s; i < e; i++) {
            owner[i] = f;
        }
        found.add(f);
        return f;
    }

    /** Makes a found span another mention of the entity {@code like} is a mention of. */
    void retype(Found f, Found like) {
        Found g = new Found(like.type, like.key, like.name, like.region, f.start, f.end);
        g.surnameKey = like.surnameKey;
        g.firstKey = like.firstKey;
        g.form = like.form;
        for (int i = f.start; i < f.end; i++) {
            owner[i] = g;
        }
        found.set(found.indexOf(f), g);
    }

    /** Forgets a found span: its tokens are free again. */
    void drop(Found f) {
        found.remove(f);
        for (int i = f.start; i < f.end; i++) {
            if (owner[i] == f) {
                owner[i] = null;
            }
        }
    }

    /** Replaces the {@code n}th found span by the same entity starting at token {@code start}. */
    void extendLeft(int n, int start) {
        Found f = found.get(n);
        Found g = new Found(f.type, f.key, f.name, f.region, start, f.end);
        g.roles.addAll(f.roles);
        g.surnameKey = f.surnameKey;
        g.firstKey = f.firstKey;
        g.form = f.form;
        g.pluralRole = f.pluralRole;
        g.quoted = f.quoted;
        for (int i = start; i < f.end; i++) {
            owner[i] = g;
        }
        found.set(n, g);
    }

    /** Replaces the {@code n}th found span by another entity of the same type over tokens [start, its end). */
    void widen(int n, int start, String key, String name) {
        Found f = found.get(n);
        Found g = new Found(f.type, key, name, f.region, start, f.end);
        for (int i = start; i < f.end; i++) {
            owner[i] = g;
        }
        found.set(n, g);
    }

    /** The grammatical gender of the first noun reading of token {@code i}: "Masc", "Fem" or "Neut"; null if none. */
    String nounGender(int i) {
        for (Morphology.Analysis a : readings(i)) {
            if (a.tag().startsWith("NN")) {
                return a.hasTag("Fem") ? "Fem" : a.hasTag("Neut") ? "Neut" : "Masc";
            }
        }
        return null;
    }

    /** "Кайнар-АКБ" and "Кайнар АКБ" are one name: hyphens and spaces between its words are alike. */
    private static String orgKey(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i) == '-' || key.charAt(i) == '‑' ? ' ' : key.charAt(i);
            if (c != ' ' || b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
                b.append(c);
            }
        }
        return b.toString().trim();
    }

    /**
     * "Кайнар" after "ТОО «Кайнар АКБ»": an organisation whose name is the first word(s) of exactly one longer
     * quoted organisation name of the article is that organisation.
     */
    private static void mergeShortOrganisations(Map<String, List<Found>> groups) {
        String prefix = EntityType.ORGANIZATION + "|";
        List<String> keys = new ArrayList<>(groups.keySet());
        for (String shortKey : keys) {
            if (!shortKey.startsWith(prefix)) {
                continue;
            }
            String longKey = null;
            int candidates = 0;
            String longer = shortKey + " ";
            for (String k : keys) {
                if (k.startsWith(longer) && groups.containsKey(k)
                        && groups.get(k).stream().anyMatch(f -> f.quoted)) {
                    longKey = k;
                    candidates++;
                }
            }
            if (candidates == 1 && groups.containsKey(shortKey)) {
                List<Found> merged = groups.get(longKey);
                merged.addAll(groups.remove(shortKey));
                merged.sort((a, b) -> Integer.compare(a.start, b.start));
                groups.put(longKey, merged);
            }
        }
    }

    /**
     * The name of the longest mention's rule (the full name rather than a short form), preferring a mention that is
     * written as its own canonical name (in the nominative) when one exists.
     */
    private String organisationName(List<Found> g) {
        Found best = null;
        for (Found f : g) {
            boolean asWritten = f.name.equals(text.substring(tokens.get(f.start).start, tokens.get(f.end - 1).end));
            if (best == null || f.end - f.start > best.end - best.start
                    || f.end - f.start == best.end - best.start && asWritten && !best.name.equals(
                    text.substring(tokens.get(best.start).start, tokens.get(best.end - 1).end))) {
                best = f;
            }
        }
        return best.name;
    }

    EntityExtractor.Result result() {
        Map<String, List<Found>> groups = new LinkedHashMap<>();
        Map<Found, String> personGroup = PersonMerge.groups(found);
        for (Found f : found) {
            String g = f.type == EntityType.PERSON ? personGroup.get(f)
                    : f.type == EntityType.ORGANIZATION ? f.type + "|" + orgKey(f.key) : f.type + "|" + f.key;
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(f);
        }
        mergeShortOrganisations(groups);
        List<Entity> entities = new ArrayList<>();
        Set<String> regions = new LinkedHashSet<>();
        for (List<Found> g : groups.values()) {
            Found first = g.get(0);
            String name = first.type == EntityType.PERSON ? PersonMerge.canonical(g)
                    : first.type == EntityType.ORGANIZATION ? organisationName(g) : first.name;
            Set<String> roles = new LinkedHashSet<>();
            List<Mention> mentions = new ArrayList<>();
            String region = null;
            for (Found f : g) {
                roles.addAll(f.roles);
                if (region == null) {
                    region = f.region;
                }
                int s = tokens.get(f.start).start;
                int e = tokens.get(f.end - 1).end;
                mentions.add(new Mention(s, e, text.substring(s, e)));
            }
            if (region != null) {
                regions.add(region);
            }
            entities.add(new Entity(first.type, name, new ArrayList<>(roles), region, mentions));
        }
        return new EntityExtractor.Result(entities, new ArrayList<>(regions));
    }
}
