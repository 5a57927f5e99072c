package kz.aqparat.extraction.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.EntityType;

/** Name lists, gazetteers and cue words, read once from the classpath. */
final class Lexicon {

    private static final String BASE = "/kz/aqparat/extraction/";

    /** A gazetteer entry: a location (with its first-level region, if in Kazakhstan) or an organisation. */
    record Entry(EntityType type, String name, String region, boolean kazakhstan) {
    }

    /** A trie over word keys (see {@link Keys}). */
    static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Entry entry;
    }

    final Set<String> firstNames = new HashSet<>();
    final Set<String> ambiguousFirstNames = new HashSet<>();
    final Set<String> middleNames = new HashSet<>();
    final Set<String> lastNames = new HashSet<>(400_000);
    final Node gazetteer = new Node();
    private final Map<WordList, Set<String>> lists = new EnumMap<>(WordList.class);

    static Lexicon load(Keys keys) {
        Lexicon l = new Lexicon();
        for (String line : lines("names/first.txt")) {
            l.firstNames.add(Normalizer.fold(line.trim()));
        }
        for (String line : lines("names/maybe_first.txt")) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!name.isEmpty()) {
                l.ambiguousFirstNames.add(Normalizer.fold(name));
            }
        }
        for (String line : lines("names/middle.txt")) {
            l.middleNames.add(Normalizer.fold(line.trim()));
        }
        for (String line : lines("names/last.txt")) {
            l.lastNames.add(Normalizer.fold(line.trim()));
        }
        WordList section = null;
        for (String line : lines("gazetteer/lexicon.txt")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("[")) {
                section = WordList.ofSection(line.substring(1, line.indexOf(']')));
                continue;
            }
            Set<String> set = l.lists.computeIfAbsent(section, k -> new HashSet<>());
            for (String w : line.trim().split("\\s+")) {
                set.add(Normalizer.fold(w));
            }
        }
        Map<String, Entry> seen = new HashMap<>();
        for (String file : List.of("gazetteer/kazakhstan.tsv", "gazetteer/world.tsv")) {
            boolean kz = file.contains("kazakhstan");
            for (String line : lines(file)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                String region = cols.length > 1 ? cols[1].trim() : "-";
                Entry e = new Entry(EntityType.LOCATION, cols[0].trim(),
                        region.equals("-") || region.equals("?") ? null : region, kz);
                List<String> names = new ArrayList<>();
                names.add(cols[0].trim());
                if (cols.length > 2) {
                    for (String a : cols[2].split("\\|")) {
                        names.add(a.trim());
                    }
                }
                for (String n : names) {
                    l.add(keys, n, e, seen);
                }
            }
        }
        for (String line : lines("gazetteer/organizations.tsv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            Entry e = new Entry(EntityType.ORGANIZATION, cols[0].trim(), null, false);
            l.add(keys, cols[0].trim(), e, seen);
            if (cols.length > 1) {
                for (String a : cols[1].split("\\|")) {
                    l.add(keys, a.trim(), e, seen);
                }
            }
        }
        return l;
    }

    Set<String> list(WordList list) {
        return lists.getOrDefault(list, Set.of());
    }

    private void add(Keys keys, String name, Entry e, Map<String, Entry> seen) {
        List<Token> words = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(name)) {
            if (t.isWord() || t.kind == Token.Kind.NUMBER) {
                words.add(t);
            }
        }
        if (words.isEmpty()) {
            return;
        }
        Node node = gazetteer;
        StringBuilder path = new StringBuilder();
        for (Token w : words) {
            String k = keys.primary(w);
            path.append(k).append(' ');
            node = node.next.computeIfAbsent(k, x -> new Node());
        }
        Entry old = seen.get(path.toString());
        if (old == null) {
            seen.put(path.toString(), e);
            node.entry = e;
        } else if (!old.name().equals(e.name())) {
            // the same name for two places (a district name used in several regions): keep it, region unknown
            if (old.type() == e.type() && old.kazakhstan() && e.kazakhstan()
                    && !java.util.Objects.equals(old.region(), e.region())) {
                node.entry = new Entry(old.type(), old.name(), null, true);
                seen.put(path.toString(), node.entry);
            }
        }
    }

    static List<String> lines(String resource) {
        InputStream in = Lexicon.class.getResourceAsStream(BASE + resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BASE + resource);
        }
        List<String> result = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                result.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return result;
    }
}
