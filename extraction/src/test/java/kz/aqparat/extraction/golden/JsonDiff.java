package kz.aqparat.extraction.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences between two JSON trees, one line per difference, each with its path: {@code ~} a changed value,
 * {@code -} something expected but missing, {@code +} something new. Arrays are aligned by their longest common
 * subsequence, so that one entity or statistic more does not show every later one as changed.
 */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<String> of(JsonNode expected, JsonNode actual) {
        List<String> lines = new ArrayList<>();
        diff("$", expected, actual, lines);
        return lines;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                if (e == null) {
                    out.add("+ " + path + "." + name + ": " + a);
                } else if (a == null) {
                    out.add("- " + path + "." + name + ": " + e);
                } else {
                    diff(path + "." + name, e, a, out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            arrays(path, list(expected), list(actual), out);
        } else {
            out.add("~ " + path + ": " + expected + " -> " + actual);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            items.add(it.next());
        }
        return items;
    }

    /** Items only in one side are added or removed; runs of unequal items at the same place are compared inside. */
    private static void arrays(String path, List<JsonNode> e, List<JsonNode> a, List<String> out) {
        int[][] lcs = new int[e.size() + 1][a.size() + 1];
        for (int i = e.size() - 1; i >= 0; i--) {
            for (int j = a.size() - 1; j >= 0; j--) {
                lcs[i][j] = e.get(i).equals(a.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < e.size() || j < a.size()) {
            if (i < e.size() && j < a.size() && e.get(i).equals(a.get(j))) {
                i++;
                j++;
            } else if (i < e.size() && j < a.size() && lcs[i + 1][j + 1] == lcs[i][j] && sameKind(e.get(i), a.get(j))) {
                // neither item is kept elsewhere: the same item, changed
                diff(path + "[" + j + "]", e.get(i), a.get(j), out);
                i++;
                j++;
            } else if (j < a.size() && (i == e.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + path + "[" + j + "]: " + a.get(j));
                j++;
            } else {
                out.add("- " + path + "[" + j + "]: " + e.get(i));
                i++;
            }
        }
    }

    private static boolean sameKind(JsonNode e, JsonNode a) {
        return e.getNodeType() == a.getNodeType();
    }
}
