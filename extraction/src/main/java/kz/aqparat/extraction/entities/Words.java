package kz.aqparat.extraction.entities;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.aqparat.extraction.morphology.Morphology;

/** The {@link Word} of each written form, from a bounded cache shared by all documents. */
final class Words {

    /** Longer tokens are neither looked up in the dictionary nor cached: no word is that long. */
    private static final int MAX_WORD = 40;
    private static final int CACHE_LIMIT = Integer.getInteger("aqparat.words.cache", 100_000);

    private final Morphology morphology;
    private final Keys keys;
    private final Lexicon lexicon;
    private final PersonRules persons;
    private final ConcurrentHashMap<String, Word> cache = new ConcurrentHashMap<>();

    Words(Morphology morphology, Keys keys, Lexicon lexicon, PersonRules persons) {
        this.morphology = morphology;
        this.keys = keys;
        this.lexicon = lexicon;
        this.persons = persons;
    }

    /** The token's word; numbers and punctuation get one too, without readings, whose only key is the form. */
    Word of(Token t) {
        Word word = cache.get(t.text);
        if (word != null) {
            return word;
        }
        word = t.isWord() ? word(t) : new Word(t, List.of(), new String[0], Set.of(t.norm), lexicon);
        persons.describe(t, word);
        if (t.text.length() < MAX_WORD) {
            // emptied when full rather than kept exactly LRU: cheaper, and still bounded
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(t.text, word);
        }
        return word;
    }

    private Word word(Token t) {
        boolean dictionary = t.text.length() < MAX_WORD;
        List<Morphology.Analysis> readings = dictionary ? morphology.analyze(t.text) : List.of();
        String[] lemmaKeys = new String[readings.size()];
        for (int n = 0; n < lemmaKeys.length; n++) {
            String lemma = readings.get(n).lemma();
            lemmaKeys[n] = n > 0 && lemma.equals(readings.get(n - 1).lemma()) ? lemmaKeys[n - 1]
                    : Normalizer.fold(lemma);
        }
        Set<String> forms = dictionary ? Set.copyOf(keys.all(t, readings)) : Set.of(t.norm);
        return new Word(t, readings, lemmaKeys, forms, lexicon);
    }
}
