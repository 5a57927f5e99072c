package kz.aqparat.extraction.entities;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.aqparat.extraction.morphology.Morphology;

/**
 * Case-independent keys of words: the dictionary lemmas where the dictionary knows the word, otherwise stems made by
 * removing Russian case endings (for Kazakh and foreign proper names the dictionary lacks, such as "Талдыкоргане").
 */
final class Keys {

    private static final String[] NOUN_ENDINGS = {"ами", "ями", "ом", "ем", "ой", "ей", "ою", "ам", "ям", "ах", "ях",
        "а", "я", "у", "ю", "е", "ы", "и"};
    private static final String[] ADJ_ENDINGS = {"ими", "ыми", "ого", "его", "ому", "ему", "ая", "яя", "ой", "ей",
        "ую", "юю", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ом", "ем", "ий", "ый"};

    final Morphology morphology;

    Keys(Morphology morphology) {
        this.morphology = morphology;
    }

    /** The key a nominative gazetteer word is stored under. */
    String primary(Token w) {
        List<Morphology.Analysis> readings = morphology.analyze(w.text);
        for (Morphology.Analysis a : readings) {
            if (a.tag().contains("Nom") || !a.tag().contains(":Sin") && !a.tag().contains(":PL")) {
                return Normalizer.fold(a.lemma());
            }
        }
        if (!readings.isEmpty()) {
            return Normalizer.fold(readings.get(0).lemma());
        }
        String adj = adjective(w.norm);
        return adj != null ? adj : w.norm;
    }

    /** Every key an inflected word may have. */
    Set<String> all(Token w, List<Morphology.Analysis> readings) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(w.norm);
        for (Morphology.Analysis a : readings) {
            keys.add(Normalizer.fold(a.lemma()));
        }
        if (readings.isEmpty() || w.cap) {
            String n = w.norm;
            for (String e : NOUN_ENDINGS) {
                if (n.endsWith(e) && n.length() - e.length() >= 3) {
                    String stem = n.substring(0, n.length() - e.length());
                    keys.add(stem);
                    keys.add(stem + "а");
                    keys.add(stem + "я");
                    keys.add(stem + "ь");
                    keys.add(stem + "й");
                    keys.add(stem + "ы");
                    keys.add(stem + "о");
                }
            }
            String stem = adjectiveStem(n);
            if (stem != null) {
                keys.add(stem + "ий");
                keys.add(stem + "ый");
            }
        }
        return keys;
    }

    static String adjectiveStem(String n) {
        if (n.length() < 6) {
            return null;
        }
        for (String e : ADJ_ENDINGS) {
            if (n.endsWith(e)) {
                String stem = n.substring(0, n.length() - e.length());
                if (stem.endsWith("ск") || stem.endsWith("цк") || stem.endsWith("н") || stem.endsWith("в")) {
                    return stem;
                }
                return null;
            }
        }
        return null;
    }

    static String adjective(String n) {
        String stem = adjectiveStem(n);
        if (stem == null) {
            return null;
        }
        char last = stem.charAt(stem.length() - 1);
        return stem + ("кгхжшчщ".indexOf(last) >= 0 ? "ий" : "ый");
    }
}
