package kz.aqparat.store.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import kz.aqparat.service.auth.AccessFilter;
import kz.aqparat.service.problem.Problems;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A request for this instance's local part ({@code scope=local}) must carry the cluster secret when one is set. */
@Filter("/api/**")
public final class PeerRequestFilter implements HttpServerFilter {

    private final ClusterSecret secret;

    public PeerRequestFilter(ClusterSecret secret) {
        this.secret = secret;
    }

    @Override
    public int getOrder() {
        return AccessFilter.ORDER + 5;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean peerRequest = request.getParameters().getAll("scope").contains("local");
        if (peerRequest && secret.isConfigured() && !secret.matches(request.getHeaders().get(ClusterSecret.HEADER))) {
            return Mono.just(Problems.response(HttpStatus.FORBIDDEN, "peer-only",
                    "scope=local is for other store instances and needs the cluster secret in "
                            + ClusterSecret.HEADER));
        }
        return chain.proceed(request);
    }
}
