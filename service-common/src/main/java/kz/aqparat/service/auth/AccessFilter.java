package kz.aqparat.service.auth;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.aqparat.service.problem.Problems;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every request of every service passes here first: writes from another origin's page are refused, the key in
 * {@code Authorization: Bearer <key>} is checked against what {@link AccessPolicy} asks, and every answer gets
 * {@code X-Content-Type-Options: nosniff}. Refusals are problem bodies: 401 without a valid key, 403 with a key
 * whose role is too small or from a foreign origin.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class AccessFilter implements HttpServerFilter {

    /** Before everything else, so that a refused request costs nothing more. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AccessPolicy policy;
    private final List<String> allowedOrigins;
    private final boolean publicManagement;

    public AccessFilter(AuthConfiguration config) {
        this.keys = ApiKeys.fromConfiguration(config.getKeys(), config.getKeyFile());
        this.policy = new AccessPolicy(keys.hasReadKeys(), config.isPublicManagement());
        this.allowedOrigins = config.getAllowedOrigins();
        this.publicManagement = config.isPublicManagement();
        if (keys.isEmpty()) {
            LOG.warn("no API keys are configured (AQPARAT_AUTH_KEYS or AQPARAT_AUTH_KEY_FILE): every write is refused");
        } else {
            LOG.info("{} API key(s) configured; reads {}", keys.size(),
                    keys.hasReadKeys() ? "need a key" : "are open");
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> key = bearerKey(request);
        Optional<Role> role = key.flatMap(keys::roleOf);
        MutableHttpResponse<?> refusal = check(request, key.isPresent(), role);
        Publisher<MutableHttpResponse<?>> response = refusal != null ? Mono.just(refusal) : chain.proceed(request);
        boolean hideDetails = request.getPath().equals("/health") && !publicManagement
                && !role.map(r -> r.includes(Role.OPERATOR)).orElse(false);
        return Mono.from(response).map(r -> {
            if (hideDetails) {
                statusOnly(r);
            }
            return r.header("X-Content-Type-Options", "nosniff");
        });
    }

    /** Health details name topics, brokers and errors: only operators see them unless management is public. */
    private static void statusOnly(MutableHttpResponse<?> response) {
        if (response.body() instanceof HealthResult health) {
            // Micronaut derives the HTTP status from the HealthResult body, possibly after this filter: keep it.
            if (health.getStatus().getOperational().orElse(true) == Boolean.FALSE) {
                response.status(HttpStatus.SERVICE_UNAVAILABLE);
            }
            ((MutableHttpResponse<Object>) response).body(Map.of("status", health.getStatus().getName()));
        }
    }

    private MutableHttpResponse<?> check(HttpRequest<?> request, boolean keySent, Optional<Role> role) {
        String method = request.getMethodName();
        if (!AccessPolicy.isRead(method) && isForeignOrigin(request)) {
            return Problems.response(HttpStatus.FORBIDDEN, "cross-origin-refused",
                    "writes from another origin's page are refused (Origin "
                            + request.getHeaders().get(HttpHeaders.ORIGIN) + "); allow an origin with "
                            + "AQPARAT_AUTH_ALLOWED_ORIGINS");
        }
        Optional<Role> needed = policy.required(method, request.getPath());
        if (needed.isEmpty()) {
            return null;
        }
        if (role.isEmpty()) {
            return Problems.response(HttpStatus.UNAUTHORIZED, "unauthorized",
                    (keySent ? "the key is not valid" : "this request needs a key")
                            + ": send Authorization: Bearer <key> with a key of role "
                            + needed.get().name().toLowerCase() + " or higher")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aqparat\"");
        }
        if (!role.get().includes(needed.get())) {
            return Problems.response(HttpStatus.FORBIDDEN, "forbidden",
                    "this request needs a key of role " + needed.get().name().toLowerCase() + "; the key sent has role "
                            + role.get().name().toLowerCase());
        }
        return null;
    }

    private static Optional<String> bearerKey(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    /**
     * A browser names the page's origin on every cross-origin write; programs (curl, feeds) send none. Another
     * port of localhost is another origin, so a page of any local program cannot write either.
     */
    private boolean isForeignOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            String site = request.getHeaders().get("Sec-Fetch-Site");
            return site != null && !site.equals("same-origin") && !site.equals("none");
        }
        if (allowedOrigins.contains(origin)) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
