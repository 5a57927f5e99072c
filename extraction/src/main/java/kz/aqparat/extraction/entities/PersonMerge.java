package kz.aqparat.extraction.entities;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aqparat.contracts.EntityType;

/**
 * Groups person mentions into entities: full names by surname and first name; a surname alone, initials or a first
 * name alone join the one full name they fit, and stay apart when several fit.
 */
final class PersonMerge {

    private PersonMerge() {
    }

    static Map<Document.Found, String> groups(List<Document.Found> found) {
        Map<String, Set<String>> fullBySurname = new HashMap<>();
        Map<String, Set<String>> fullByFirst = new HashMap<>();
        for (Document.Found f : found) {
            if (f.type == EntityType.PERSON && f.form == PersonRules.Form.FULL) {
                String id = "P|" + f.surnameKey + "|" + f.firstKey;
                fullBySurname.computeIfAbsent(f.surnameKey, k -> new LinkedHashSet<>()).add(id);
                fullByFirst.computeIfAbsent(f.firstKey, k -> new LinkedHashSet<>()).add(id);
            }
        }
        Map<Document.Found, String> groups = new IdentityHashMap<>();
        for (Document.Found f : found) {
            if (f.type != EntityType.PERSON) {
                continue;
            }
            String id;
            switch (f.form) {
                case FULL -> id = "P|" + f.surnameKey + "|" + f.firstKey;
                case SURNAME -> id = only(fullBySurname.get(f.surnameKey), "S|" + f.surnameKey);
                case INITIALS -> {
                    Set<String> fit = new LinkedHashSet<>();
                    for (String c : fullBySurname.getOrDefault(f.surnameKey, Set.of())) {
                        if (c.substring(c.lastIndexOf('|') + 1).startsWith(f.firstKey)) {
                            fit.add(c);
                        }
                    }
                    id = only(fit, "S|" + f.surnameKey);
                }
                default -> {
                    Set<String> fit = new LinkedHashSet<>();
                    for (String c : fullByFirst.getOrDefault(f.firstKey, Set.of())) {
                        if (!c.startsWith("P||")) {
                            fit.add(c);
                        }
                    }
                    id = only(fit, "F|" + f.firstKey);
                }
            }
            groups.put(f, id);
        }
        return groups;
    }

    private static String only(Set<String> candidates, String otherwise) {
        return candidates != null && candidates.size() == 1 ? candidates.iterator().next() : otherwise;
    }

    /** The entity's name: a full name written without Kazakh letters if there is one, else the first full name. */
    static String canonical(List<Document.Found> group) {
        String full = null;
        for (Document.Found f : group) {
            if (f.form == PersonRules.Form.FULL) {
                if (!hasKazakhLetters(f.name)) {
                    return f.name;
                }
                if (full == null) {
                    full = f.name;
                }
            }
        }
        return full != null ? full : group.get(0).name;
    }

    static boolean hasKazakhLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("қғңөұүһіәҚҒҢӨҰҮҺІӘ".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
