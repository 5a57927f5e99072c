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
        return hash("text:" + normaliseText(text));
    }

    static String normaliseText(String text) {
        return collapseWhitespace(Normalizer.normalize(text, Normalizer.Form.NFC).strip());
    }

    /** {@code s.replaceAll("\\s+", " ")} without the regular expression, which was most of ingest's id work. */
    static String collapseWhitespace(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isRegexSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < n && isRegexSpace(s.charAt(end))) {
                end++;
            }
            if (out == null && (c != ' ' || end > i + 1)) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

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

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
