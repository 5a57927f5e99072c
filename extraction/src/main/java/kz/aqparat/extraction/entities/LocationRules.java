package kz.aqparat.extraction.entities;

import java.util.List;
import java.util.Set;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.extraction.morphology.Morphology;

/**
 * Locations found by their grammar and context rather than by a gazetteer: coordinated region adjectives sharing one
 * head ("Павлодарской и Акмолинской областей"), an adjective of direction that is part of a place's name ("Северной
 * Африки", "Западном Иерусалиме"), and a capitalised word the dictionary does not know right after a preposition of place
 * ("в Тусоне", "из Ньюпорта"); a capitalised adjective before a noun of a named place ("Манежной площади").
 */
final class LocationRules {

    /** Prepositions after which an unknown capitalised word is most often a place. */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("в", "во", "на", "из", "под", "близ", "вблизи", "возле",
            "около", "недалеко");

    /**
     * Adjectives of direction, which make a part of the place after them ("Северной Африки", "западной Европы",
     * "южные Курильские острова"), written capitalised or not.
     */
    private static final Set<String> DIRECTIONS = Set.of("северный", "южный", "западный", "восточный",
            "центральный", "северо-западный", "северо-восточный", "юго-западный", "юго-восточный");

    private final Lexicon lexicon;
    private final Keys keys;
    private final PersonRules persons;

    LocationRules(Lexicon lexicon, Keys keys, PersonRules persons) {
        this.lexicon = lexicon;
        this.keys = keys;
        this.persons = persons;
    }

    /**
     * "Павлодарской и Акмолинской областей", "в Костанайской, Северо-Казахстанской и Акмолинской областях": each
     * capitalised -ск- adjective of a coordination ending in a region noun is a location of its own, named in the
     * nominative singular ("Павлодарская область"), with the region the gazetteer gives that name. (A single
     * adjective before its region noun is left to the later rules, which first let organisations take it:
     * "Законодательного собрания Приморского края".)
     */
    void regionAdjectives(Document d) {
        List<Token> t = d.tokens;
        for (int i = 0; i < t.size(); i++) {
            if (!regionAdjective(d, i)) {
                continue;
            }
            // the adjectives coordinated with this one, up to the region noun
            int k = i;
            int head = -1;
            while (k + 1 < t.size()) {
                if (d.lemmaIn(k + 1, WordList.LOC_HEAD) && t.get(k + 1).isWord() && !t.get(k + 1).cap) {
                    head = k + 1;
                    break;
                }
                boolean joined = t.get(k + 1).is(",") || t.get(k + 1).norm.equals("и");
                if (!joined || k + 2 >= t.size() || !regionAdjective(d, k + 2) && !claimedRegion(d, k + 2)) {
                    break;
                }
                k += 2;
            }
            if (head < 0 || k == i) {
                continue;
            }
            String gender = d.nounGender(head);
            String headLemma = headLemma(d, head);
            if (gender == null || headLemma == null) {
                continue;
            }
            for (int a = i; a < head; a += 2) {
                if (d.claimed(a)) {
                    continue;
                }
                String name = Document.matchCase(d.adjectiveForm(a, gender), t.get(a).text) + " " + headLemma;
                Lexicon.Entry known = lookUp(name);
                int end = a + 1 == head ? head + 1 : a + 1;
                String canonical = known != null ? known.name() : name;
                d.add(EntityType.LOCATION, known != null ? canonical : Normalizer.fold(name), canonical,
                        known != null ? known.region() : null, a, end);
            }
            i = head;
        }
    }

    private static boolean regionAdjective(Document d, int i) {
        Token w = d.tokens.get(i);
        return !d.claimed(i) && w.kind == Token.Kind.CYRILLIC && w.cap && !w.upper
                && (w.norm.contains("ск") || w.norm.contains("цк"))
                && (d.isAdjective(i) || d.unknown(i) && Keys.adjectiveStem(w.norm) != null);
    }

    /** The last adjective of the coordination, already found with its head by the gazetteer. */
    private static boolean claimedRegion(Document d, int i) {
        Document.Found f = d.owner[i];
        return f != null && f.type == EntityType.LOCATION && f.start == i && f.end == i + 2
                && d.lemmaIn(i + 1, WordList.LOC_HEAD);
    }

    private static String headLemma(Document d, int head) {
        for (Morphology.Analysis a : d.readings(head)) {
            if (a.tag().startsWith("NN")) {
                return a.lemma();
            }
        }
        return null;
    }

    /** The gazetteer entry of a nominative name, or null. */
    private Lexicon.Entry lookUp(String name) {
        Lexicon.Node node = lexicon.gazetteer;
        for (Token w : Tokenizer.tokenize(name)) {
            if (!w.isWord()) {
                continue;
            }
            node = node.next.get(keys.primary(w));
            if (node == null) {
                return null;
            }
        }
        return node.entry;
    }

    /**
     * "Северной Африки", "Западном Иерусалиме", "западной Европы": an adjective of direction agreeing with a found
     * place right after it is part of its name.
     */
    void qualifiedPlaces(Document d) {
        List<Token> t = d.tokens;
        for (int n = 0; n < d.found.size(); n++) {
            Document.Found f = d.found.get(n);
            int a = f.start - 1;
            if (f.type != EntityType.LOCATION || a < 0 || d.claimed(a) || t.get(a).kind != Token.Kind.CYRILLIC
                    || t.get(a).upper || !d.isAdjective(a) || f.end - f.start > 3) {
                continue;
            }
            Morphology.Analysis adjective = agreeing(d, a, f.start);
            if (adjective == null) {
                continue;
            }
            if (!DIRECTIONS.contains(adjective.lemma())) {
                // "Справедливого Казахстана" is a slogan, not a part of the country
                continue;
            }
            String gender = d.nounGender(f.start);
            if (gender == null) {
                continue;
            }
            String name = Document.matchCase(d.adjectiveForm(a, gender), t.get(a).cap ? "Х" : "х") + " " + f.name;
            d.widen(n, a, Normalizer.fold(name), name);
        }
    }

    /** The adjective reading of token {@code a} agreeing in case, number and gender with a noun reading of {@code noun}. */
    private static Morphology.Analysis agreeing(Document d, int a, int noun) {
        for (Morphology.Analysis adj : d.readings(a)) {
            if (!adj.tag().startsWith("ADJ")) {
                continue;
            }
            for (Morphology.Analysis nn : d.readings(noun)) {
                if (nn.tag().startsWith("NN") && sameCase(adj.tag(), nn.tag())
                        && (nn.hasTag("PL") ? adj.hasTag("PL") : !adj.hasTag("PL") && sameGender(adj, nn))) {
                    return adj;
                }
            }
        }
        return null;
    }

    private static boolean sameCase(String a, String b) {
        return a.substring(a.lastIndexOf(':')).equals(b.substring(b.lastIndexOf(':')));
    }

    private static boolean sameGender(Morphology.Analysis a, Morphology.Analysis b) {
        for (String g : new String[] {"Masc", "Fem", "Neut"}) {
            if (b.hasTag(g)) {
                return a.hasTag(g);
            }
        }
        return false;
    }

    /**
     * "в Тусоне", "из Ньюпорта", "в Бенрате", "в Ступино": a capitalised Cyrillic word the dictionary does not know,
     * right after a preposition of place and not followed by another capitalised word, that no name list knows as a
     * person's name, is a place. Named by its surface form, or by the form with a locative "-е" taken off.
     */
    void placesAfterPrepositions(Document d) {
        List<Token> t = d.tokens;
        for (int i = 1; i < t.size(); i++) {
            Token w = t.get(i);
            Token p = t.get(i - 1);
            if (d.claimed(i) || w.kind != Token.Kind.CYRILLIC || !w.cap || w.upper || w.text.length() < 4
                    || !p.isWord() || p.cap || !PLACE_PREPOSITIONS.contains(p.norm)
                    || !d.unknown(i) && !thing(d, i)
                    || w.text.indexOf('-') >= 0 && !w.text.substring(w.text.indexOf('-') + 1).isEmpty()
                    && !Character.isUpperCase(w.text.charAt(w.text.indexOf('-') + 1))) {
                continue;
            }
            if (i + 1 < t.size() && t.get(i + 1).isWord() && t.get(i + 1).cap
                    || i + 1 < t.size() && t.get(i + 1).is("-")) {
                continue;
            }
            if (d.compoundBody(i) || personName(d, i) || persons.isPersonStart(d, i)) {
                continue;
            }
            String name = d.unknown(i) ? w.text : d.lemmaName(i, i + 1);
            if (d.unknown(i) && (p.norm.equals("в") || p.norm.equals("во")) && name.endsWith("е") && name.length() > 4
                    && "аеёиоуыэюяь".indexOf(name.charAt(name.length() - 2)) < 0) {
                name = name.substring(0, name.length() - 1);
            }
            d.add(EntityType.LOCATION, Normalizer.fold(name), name, null, i, i + 1);
        }
    }

    /**
     * "на Манежной площади", "по Кронштадтскому бульвару", "на Новодевичьем кладбище", "над Боденским озером": a
     * capitalised adjective before a lower-case noun of a named place ({@code [feature_head]} of the lexicon:
     * streets and squares, parks and cemeteries, waters, islands and mountains) is that place's name, the noun
     * included, in the nominative ("Манежная площадь"). The adjective agrees with the noun, or is one the dictionary
     * does not know with an adjective's ending ("Кронштадтскому"). At the start of a sentence a capital says nothing,
     * so there only an unknown or -ск- adjective counts ("Центральная площадь была полна" is not a name).
     */
    void namedFeatures(Document d) {
        List<Token> t = d.tokens;
        for (int a = 0; a + 1 < t.size(); a++) {
            Token w = t.get(a);
            int head = a + 1;
            Token h = t.get(head);
            if (d.claimed(a) || d.claimed(head) || w.kind != Token.Kind.CYRILLIC || !w.cap || w.upper
                    || h.kind != Token.Kind.CYRILLIC || h.cap || !d.lemmaIn(head, WordList.FEATURE_HEAD)) {
                continue;
            }
            boolean unknownAdjective = d.unknown(a) && Keys.adjectiveStem(w.norm) != null;
            if (!unknownAdjective && agreeing(d, a, head) == null) {
                continue;
            }
            if (d.sentenceStart(a) && !unknownAdjective && !w.norm.contains("ск")) {
                continue;
            }
            String name = unknownAdjective ? nominativeOfUnknown(d, a, head) : d.nominative(a, head, head + 1);
            d.add(EntityType.LOCATION, Normalizer.fold(name), name, null, a, head + 1);
            a = head;
        }
    }

    /**
     * "Капшагайском водохранилище" → "Капшагайское водохранилище": an adjective the dictionary lacks agrees with any
     * case of its head, so it is made from its stem in the gender of the head's singular; a plural head keeps the
     * written form.
     */
    private static String nominativeOfUnknown(Document d, int a, int head) {
        for (Morphology.Analysis r : d.readings(head)) {
            if (r.tag().startsWith("NN") && !r.hasTag("PL")) {
                String gender = r.hasTag("Fem") ? "Fem" : r.hasTag("Neut") ? "Neut" : "Masc";
                return Document.matchCase(d.adjectiveForm(a, gender), d.tokens.get(a).text) + " " + r.lemma();
            }
        }
        return d.text.substring(d.tokens.get(a).start, d.tokens.get(head).end);
    }

    /**
     * "в Тарту", "в Ступино", "в Лужниках": the dictionary knows the word only as an inanimate noun that does not
     * decline or has no singular, which capitalised mid-sentence after a preposition of place is mostly a place's
     * name ("-ино", "-ово", "-ки"); a declining noun is not taken ("в Конституции", "в Доме"), nor a word
     * capitalised for other reasons ("в Интернете").
     */
    private static boolean thing(Document d, int i) {
        boolean indeclinable = false;
        for (Morphology.Analysis a : d.readings(i)) {
            String tag = a.tag();
            if (!tag.startsWith("NN:Inanim") || tag.contains(":Name") || tag.contains(":Fam")) {
                return false;
            }
            indeclinable |= tag.split(":").length == 3;
        }
        return (indeclinable || d.isPluralOnly(i)) && !d.sentenceStart(i) && !d.lemmaIn(i, WordList.ORG_HEAD)
                && !d.formIn(i, WordList.STOP_CAP);
    }

    private boolean personName(Document d, int i) {
        for (String k : d.keys(i)) {
            if (lexicon.firstNames.contains(k) || lexicon.middleNames.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
