package kz.aqparat.cli.operate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --ids FILE}: article ids, one a line; blank lines and lines starting with {@code #} are ignored, and
 * anything after the first space or tab on a line too (so the first column of {@code ./pipeline push} output or of
 * {@code dlq list} can be used as it is). {@code -} reads standard input.
 */
public final class IdsFile {

    private IdsFile() {
    }

    public static Set<String> read(Path file) {
        try {
            if (file.toString().equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return parse(in.lines().toList());
            }
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ids file " + file + ": " + e.getMessage(), e);
        }
    }

    static Set<String> parse(List<String> lines) {
        Set<String> ids = new LinkedHashSet<>();
        for (String line : lines) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            int space = indexOfWhitespace(id);
            ids.add(space < 0 ? id : id.substring(0, space));
        }
        return ids;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
