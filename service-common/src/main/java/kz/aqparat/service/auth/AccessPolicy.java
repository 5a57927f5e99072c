package kz.aqparat.service.auth;

import java.util.Optional;

/**
 * Which role a request needs, by method and path, the same for every service: deletes and {@code /api/operator/}
 * need an operator key; any other write needs a writer key; metrics and health details need an operator key
 * unless management is public; reads are open unless read keys are configured. {@code /health} itself (status
 * only) stays open for load balancers and container health checks.
 */
public final class AccessPolicy {

    private final boolean readsNeedKey;
    private final boolean publicManagement;

    public AccessPolicy(boolean readsNeedKey, boolean publicManagement) {
        this.readsNeedKey = readsNeedKey;
        this.publicManagement = publicManagement;
    }

    /** GET, HEAD and OPTIONS change nothing. */
    public static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** The role needed, or empty when the request is open to anyone. */
    public Optional<Role> required(String method, String path) {
        boolean read = isRead(method);
        if (path.equals("/health")) {
            return Optional.empty();
        }
        if (path.startsWith("/health/") || path.equals("/prometheus") || path.startsWith("/prometheus/")) {
            return publicManagement ? Optional.empty() : Optional.of(Role.OPERATOR);
        }
        if (method.equals("DELETE") || path.startsWith("/api/operator/") || path.equals("/api/operator")) {
            return Optional.of(Role.OPERATOR);
        }
        if (!read) {
            return Optional.of(Role.WRITER);
        }
        return readsNeedKey ? Optional.of(Role.READER) : Optional.empty();
    }
}
