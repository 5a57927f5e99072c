package kz.aqparat.store.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret store instances share ({@code AQPARAT_CLUSTER_SECRET}): an instance sends it with every request for
 * another instance's local part ({@code scope=local}), and answers such requests only when they carry it. An
 * instance that knows peers ({@code application.server} set) refuses to start without one, so that no outsider
 * can pose as a peer or read the parts unsummed.
 */
@Singleton
public class ClusterSecret {

    public static final String HEADER = "X-Aqparat-Cluster-Secret";
    public static final int MIN_LENGTH = 16;

    private final String secret;

    public ClusterSecret(@Value("${aqparat.cluster.secret:}") String secret,
                         @Value("${kafka.streams.default.application.server:}") String applicationServer) {
        this.secret = secret.strip();
        if (!applicationServer.isBlank() && this.secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("store-service has application.server = " + applicationServer
                    + " (several instances share the views) but no cluster secret of at least " + MIN_LENGTH
                    + " characters: set AQPARAT_CLUSTER_SECRET to the same value on every store instance");
        }
    }

    /** The value to send to peers; empty when no secret is configured (single instance). */
    public String value() {
        return secret;
    }

    public boolean isConfigured() {
        return !secret.isEmpty();
    }

    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
