package kz.aqparat.store.index;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.aqparat.store.query.StoreCluster;

/** The path that asks another instance for its local part of an answer, with the same parameters. */
public final class PeerPath {

    private final String path;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private PeerPath(String path) {
        this.path = path;
    }

    public static PeerPath of(String path) {
        return new PeerPath(path);
    }

    /** {@code value} encoded for a URL path segment or query value (a space as %20, not +). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The window's parameters. */
    public PeerPath window(Window window) {
        return with("from", window.from()).with("to", window.to()).with("region", window.region())
                .with("source", window.source());
    }

    /** Adds a parameter unless {@code value} is null. */
    public PeerPath with(String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(path).append('?');
        parameters.forEach((name, value) -> out.append(name).append('=')
                .append(segment(value.toString())).append('&'));
        return out.append(StoreCluster.LOCAL_SCOPE).toString();
    }
}
