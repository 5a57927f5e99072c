package kz.aqparat.extraction.morphology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Russian word forms to lemmas and grammatical tags, from LanguageTool's Russian dictionary (AOT) through morfologik.
 * Tags look like {@code NN:Masc:Pl:Gen} or {@code ADJ:Fem:Sg:Gen}. Thread-safe: the dictionary is shared, each
 * thread gets its own lookup (morfologik's lookup reuses buffers).
 */
public final class Morphology {

    private static final String DICTIONARY = "/org/languagetool/resource/ru/russian.dict";

    private final Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;

    private Morphology(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(this.dictionary));
    }

    public static Morphology load() {
        URL url = Morphology.class.getResource(DICTIONARY);
        if (url == null) {
            throw new IllegalStateException("Russian dictionary " + DICTIONARY + " is not on the classpath");
        }
        try {
            return new Morphology(Dictionary.read(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DICTIONARY, e);
        }
    }

    private static final class Shared {
        static final Morphology INSTANCE = load();
    }

    /**
     * One instance per JVM, loaded on first use: the dictionary is read-only, so every extractor can share it
     * instead of reading it again.
     */
    public static Morphology shared() {
        return Shared.INSTANCE;
    }

    /** One reading of a word form. */
    public record Analysis(String lemma, String tag) {
        /** Whether {@code part} is one of the colon-separated parts of the tag. */
        public boolean hasTag(String part) {
            int from = 0;
            int n = tag.length();
            int len = part.length();
            while (from <= n - len) {
                int at = tag.indexOf(part, from);
                if (at < 0) {
                    return false;
                }
                int end = at + len;
                if ((at == 0 || tag.charAt(at - 1) == ':') && (end == n || tag.charAt(end) == ':')) {
                    return true;
                }
                from = at + 1;
            }
            return false;
        }
    }

    /**
     * Word forms already looked up. News repeats its vocabulary (Zipf), so a bounded cache of the most recent forms
     * saves most dictionary walks; emptied when full rather than kept exactly LRU, which is cheaper and bounded.
     */
    private static final int CACHE_LIMIT = Integer.getInteger("aqparat.morphology.cache", 200_000);
    private final ConcurrentHashMap<String, List<Analysis>> cache = new ConcurrentHashMap<>();

    /**
     * Every reading of {@code word} (case-insensitive; ё and е are looked up as given, then as е). The list is
     * immutable.
     */
    public List<Analysis> analyze(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<Analysis> cached = cache.get(lower);
        if (cached != null) {
            return cached;
        }
        List<Analysis> result = lookup(lower);
        if (result.isEmpty() && lower.indexOf('ё') >= 0) {
            result = lookup(lower.replace('ё', 'е'));
        }
        if (CACHE_LIMIT > 0 && lower.length() <= 40) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(lower, result);
        }
        return result;
    }

    private List<Analysis> lookup(String lower) {
        List<WordData> data = lookup.get().lookup(lower);
        if (data.isEmpty()) {
            return List.of();
        }
        List<Analysis> result = new ArrayList<>(data.size());
        for (WordData wd : data) {
            CharSequence stem = wd.getStem();
            CharSequence tag = wd.getTag();
            result.add(new Analysis(stem == null ? lower : stem.toString(), tag == null ? "" : tag.toString()));
        }
        return List.copyOf(result);
    }

    private static final String SYNTH_DICTIONARY = "/org/languagetool/resource/ru/russian_synth.dict";

    /** LanguageTool's synthesis dictionary (key {@code lemma|tag}), read on first use. */
    private static final class Synth {
        static final Dictionary DICTIONARY = read();

        private static Dictionary read() {
            URL url = Morphology.class.getResource(SYNTH_DICTIONARY);
            if (url == null) {
                throw new IllegalStateException("Russian dictionary " + SYNTH_DICTIONARY + " is not on the classpath");
            }
            try {
                return Dictionary.read(url);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SYNTH_DICTIONARY, e);
            }
        }
    }

    private final ThreadLocal<DictionaryLookup> synthLookup =
        ThreadLocal.withInitial(() -> new DictionaryLookup(Synth.DICTIONARY));

    /**
     * The word forms of {@code lemma} with exactly the tag {@code tag} (as {@link #analyze} gives them, e.g.
     * {@code ADJ:Posit:Fem:Nom}), from the dictionary LanguageTool's RussianSynthesizer uses; empty if none.
     */
    public List<String> synthesize(String lemma, String tag) {
        List<WordData> data = synthLookup.get().lookup(lemma.toLowerCase(Locale.ROOT) + "|" + tag);
        List<String> forms = new ArrayList<>(data.size());
        for (WordData wd : data) {
            CharSequence stem = wd.getStem();
            if (stem != null) {
                forms.add(stem.toString());
            }
        }
        return forms;
    }
}
