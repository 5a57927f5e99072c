package kz.aqparat.service.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys and their roles, from {@code role:key} entries (comma- or line-separated; blank lines
 * and lines starting with {@code #} ignored). Keys are held only as SHA-256 digests, so that a heap dump shows no
 * key and a lookup takes no time that depends on how much of a guess matched.
 */
public final class ApiKeys {

    /** Shorter keys are refused: a key is a secret, not a password someone types. */
    public static final int MIN_KEY_LENGTH = 16;

    private final Map<String, Role> roleByDigest;

    private ApiKeys(Map<String, Role> roleByDigest) {
        this.roleByDigest = Collections.unmodifiableMap(roleByDigest);
    }

    public static ApiKeys none() {
        return new ApiKeys(Map.of());
    }

    /** Parses {@code role:key} entries; fails with a message naming the bad entry (never the key itself). */
    public static ApiKeys parse(String entries) {
        Map<String, Role> keys = new HashMap<>();
        if (entries == null) {
            return new ApiKeys(keys);
        }
        int n = 0;
        for (String line : entries.split("[,\\n\\r]")) {
            String entry = line.strip();
            n++;
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("API key entry " + n + " is not 'role:key'");
            }
            Role role = Role.parse(entry.substring(0, colon));
            String key = entry.substring(colon + 1).strip();
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("API key entry " + n + " (" + role.name().toLowerCase()
                        + ") is shorter than " + MIN_KEY_LENGTH + " characters");
            }
            keys.merge(digest(key), role, (a, b) -> a.includes(b) ? a : b);
        }
        return new ApiKeys(keys);
    }

    /** The entries of {@code inline} and of the file (if any), together. */
    public static ApiKeys fromConfiguration(String inline, String file) {
        List<String> parts = new ArrayList<>();
        if (inline != null && !inline.isBlank()) {
            parts.add(inline);
        }
        if (file != null && !file.isBlank()) {
            try {
                parts.add(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the API keys file " + file + ": " + e.getMessage(), e);
            }
        }
        return parse(String.join("\n", parts));
    }

    public Optional<Role> roleOf(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(roleByDigest.get(digest(key)));
    }

    public boolean isEmpty() {
        return roleByDigest.isEmpty();
    }

    /** True when some key has exactly the reader role: then reads need a key too. */
    public boolean hasReadKeys() {
        return roleByDigest.containsValue(Role.READER);
    }

    public int size() {
        return roleByDigest.size();
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
