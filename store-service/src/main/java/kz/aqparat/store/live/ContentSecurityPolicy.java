package kz.aqparat.store.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's Content-Security-Policy: only its own inline script and style blocks run (allowed by their
 * SHA-256, computed from the page as served, so an edit of the page cannot forget the policy), data comes only
 * from this origin, and no other site may frame it.
 */
final class ContentSecurityPolicy {

    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private ContentSecurityPolicy() {
    }

    static String forPage(String html) {
        return "default-src 'none'; script-src 'self'" + hashes(SCRIPT, html) + "; style-src 'self'"
                + hashes(STYLE, html) + "; connect-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String hashes(Pattern block, String html) {
        List<String> sources = new ArrayList<>();
        Matcher m = block.matcher(html);
        while (m.find()) {
            sources.add(" 'sha256-" + sha256(m.group(1)) + "'");
        }
        return String.join("", sources);
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
