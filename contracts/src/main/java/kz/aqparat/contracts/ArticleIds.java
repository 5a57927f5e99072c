package kz.aqparat.contracts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids: the same article pushed twice gets the same id. From the URL when there is one (so a
 * corrected text replaces the old version), otherwise from the text with whitespace and Unicode form normalised
 * (so re-wrapped copies of a feed item still match).
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String of(String url, String text) {
        if (url != null && !url.isBlank()) {
            return hash("url:" + normaliseUrl(url.strip()));
        }
        if (text == null) {
            throw new IllegalArgumentException("an article needs a url or a text");
        }
        return textFingerprint(text);
    }

    /**
     * The SHA-256 of {@code "text:"} and the text in Unicode NFC, stripped, each run of whitespace ({@code \s+})
     * made one space, as UTF-8; hashed while the normalised text is read, without a collapsed copy or a UTF-8 copy
     * of the whole article (building them was a quarter of ingest's CPU per article).
     */
    static String textFingerprint(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        MessageDigest digest = sha256();
        byte[] buffer = new byte[4096];
        int at = 0;
        for (byte b : "text:".getBytes(StandardCharsets.UTF_8)) {
            buffer[at++] = b;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (at > buffer.length - 4) {
                digest.update(buffer, 0, at);
                at = 0;
            }
            char c = s.charAt(i);
            if (isRegexSpace(c)) {
                while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
                    i++;
                }
                buffer[at++] = ' ';
            } else if (c < 0x80) {
                buffer[at++] = (byte) c;
            } else if (c < 0x800) {
                buffer[at++] = (byte) (0xC0 | c >> 6);
                buffer[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buffer[at++] = (byte) (0xF0 | cp >> 18);
                buffer[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buffer[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buffer[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buffer[at++] = '?'; // as String.getBytes(UTF_8) writes a lone surrogate
            } else {
                buffer[at++] = (byte) (0xE0 | c >> 12);
                buffer[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        digest.update(buffer, 0, at);
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** The whitespace of {@code \s} in a regular expression, which the fingerprint once collapsed with. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static String normaliseUrl(String url) {
        try {
            URI uri = URI.create(url).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/") && path.length() > 1) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path + query;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static String hash(String s) {
        byte[] digest = sha256().digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
