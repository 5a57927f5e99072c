package kz.aqparat.extraction.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.aqparat.extraction.morphology.Morphology;

/**
 * What the rules ask of one written form, worked out once: its readings, keys, the cue lists it is in, the gazetteer
 * entries it may start and its name parts. It depends on nothing but the form, so documents share it through
 * {@link Words}; the rules ask these questions many times per token, and a form recurs in many articles.
 */
final class Word {

    final List<Morphology.Analysis> readings;
    /** The folded lemmas, in the order of the readings. */
    final String[] lemmaKeys;
    /** Every key the form may have in the gazetteer (see {@link Keys}), in the order the gazetteer rule tries them. */
    final Set<String> keys;
    /** The gazetteer's first-level nodes that one of the keys leads to, in the order of the keys. */
    final Lexicon.Node[] gazetteerStarts;

    final boolean unknown;
    final boolean adjective;
    final boolean verb;
    final boolean genitive;
    /** A preposition, conjunction, adverb, pronoun, particle, verb, interjection or numeral reading. */
    final boolean functionWord;
    final boolean surnameReading;
    final boolean patronymicReading;
    /** A first name, surname or patronymic reading. */
    final boolean nameReading;
    /** Plural, and not singular as well ("PL" without "Sin"). */
    final boolean pluralOnly;
    final boolean compoundBody;
    /** Bits of {@link WordList}: the form itself is in the list. */
    private final int formLists;
    /** Bits of {@link WordList}: the form or one of its lemmas is in the list. */
    private final int lemmaLists;

    /** Set by {@link PersonRules#describe} before the word is shared: name parts the form can be. */
    PersonRules.Part first;
    PersonRules.Part surname;
    PersonRules.Part patronymic;
    /** Every key the form has as a surname; null unless the token looks like a name. */
    Set<String> surnameKeys;
    boolean onlySurnameReadings;
    boolean onlyFirstNameReadings;
    /** The form itself is in the surname list. */
    boolean listedSurname;

    Word(Token t, List<Morphology.Analysis> readings, String[] lemmaKeys, Set<String> keys, Lexicon lexicon) {
        this.readings = readings;
        this.lemmaKeys = lemmaKeys;
        this.keys = keys;
        this.gazetteerStarts = starts(keys, lexicon.gazetteer);
        this.unknown = readings.isEmpty();
        boolean adj = false;
        boolean vb = false;
        boolean gen = false;
        boolean function = false;
        for (Morphology.Analysis a : readings) {
            String tag = a.tag();
            adj |= tag.startsWith("ADJ");
            vb |= tag.startsWith("VB");
            gen |= (tag.startsWith("NN") || tag.startsWith("ADJ")) && tag.endsWith(":R");
            function |= tag.startsWith("PREP") || tag.startsWith("CONJ") || tag.startsWith("ADV")
                    || tag.startsWith("PNN") || tag.startsWith("PRON") || tag.startsWith("PARTICLE")
                    || tag.startsWith("VB") || tag.startsWith("INTERJ") || tag.startsWith("NumC");
        }
        this.adjective = adj || readings.isEmpty() && Keys.adjectiveStem(t.norm) != null;
        this.verb = vb;
        this.genitive = gen;
        this.functionWord = function;
        this.surnameReading = anyTag(readings, "Fam");
        this.patronymicReading = anyTag(readings, "Patr");
        this.nameReading = anyTag(readings, "Name") || surnameReading || patronymicReading;
        this.pluralOnly = anyTag(readings, "PL") && !anyTag(readings, "Sin");
        this.compoundBody = compoundBody(t, readings);
        int form = 0;
        int lemma = 0;
        for (WordList list : WordList.values()) {
            Set<String> set = lexicon.list(list);
            if (set.contains(t.norm)) {
                form |= list.bit();
                lemma |= list.bit();
                continue;
            }
            for (String k : lemmaKeys) {
                if (set.contains(k)) {
                    lemma |= list.bit();
                    break;
                }
            }
        }
        this.formLists = form;
        this.lemmaLists = lemma;
    }

    /** The form itself is in the list. */
    boolean formIn(WordList list) {
        return (formLists & list.bit()) != 0;
    }

    /** The form or one of its lemmas is in the list. */
    boolean lemmaIn(WordList list) {
        return (lemmaLists & list.bit()) != 0;
    }

    /** One of the gazetteer's one-word entries (of any type) is this word. */
    boolean gazetteerEntry() {
        for (Lexicon.Node n : gazetteerStarts) {
            if (n.entry != null) {
                return true;
            }
        }
        return false;
    }

    private static Lexicon.Node[] starts(Set<String> keys, Lexicon.Node root) {
        List<Lexicon.Node> starts = new ArrayList<>(2);
        for (String k : keys) {
            Lexicon.Node c = root.next.get(k);
            if (c != null && !starts.contains(c)) {
                starts.add(c);
            }
        }
        return starts.toArray(new Lexicon.Node[0]);
    }

    static boolean anyTag(List<Morphology.Analysis> readings, String part) {
        for (Morphology.Analysis a : readings) {
            if (a.hasTag(part)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] BODY_PREFIXES = {"мин", "рос", "гос", "мос"};
    private static final String[] NOT_BODY_PREFIXES = {"минут", "минск", "миним", "минист", "минер", "минис", "минов",
        "росс", "рост", "роск", "роси", "росл", "госп", "гост", "госуд", "моск", "мост", "мося"};

    /**
     * "Минсвязи", "Минэкономразвития", "Росприроднадзора", "Мосгордумы": a stump-compound name of a body, written
     * as one capitalised word made of a prefix and a word the dictionary does not know (or knows only as such an
     * indeclinable or plain noun).
     */
    private static boolean compoundBody(Token w, List<Morphology.Analysis> readings) {
        if (w.kind != Token.Kind.CYRILLIC || !w.cap || w.upper || w.text.length() < 7) {
            return false;
        }
        boolean prefix = false;
        for (String p : BODY_PREFIXES) {
            prefix |= w.norm.startsWith(p);
        }
        for (String p : NOT_BODY_PREFIXES) {
            if (w.norm.startsWith(p) && !w.norm.startsWith("роском")) {
                return false;
            }
        }
        if (!prefix) {
            return false;
        }
        for (Morphology.Analysis a : readings) {
            String tag = a.tag();
            if (!tag.startsWith("NN") || tag.contains(":Name") || tag.contains(":Fam") || tag.contains(":Anim")) {
                return false;
            }
        }
        return true;
    }
}
