package kz.aqparat.service.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.aqparat.service.auth.AccessFilter;
import kz.aqparat.service.problem.Problems;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds the request bodies one instance holds at once (count and bytes, from {@link InFlightConfiguration}): a
 * request with a body over the budget gets 503 with {@code Retry-After} before its body is read, so that many
 * large uploads at once cannot exhaust the heap. A body without {@code Content-Length} counts as the largest
 * request the server accepts. Runs after the {@link AccessFilter}, so that refused callers use no budget.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class InFlightFilter implements HttpServerFilter {

    private final InFlightBudget budget;
    private final long maxRequestSize;
    private final int retryAfterSeconds;

    public InFlightFilter(InFlightConfiguration config,
                          @Value("${micronaut.server.max-request-size:10485760}") long maxRequestSize) {
        this.budget = new InFlightBudget(config.getMaxInFlightRequests(), config.getMaxInFlightBytes());
        this.maxRequestSize = maxRequestSize;
        this.retryAfterSeconds = config.getRetryAfterSeconds();
    }

    @Override
    public int getOrder() {
        return AccessFilter.ORDER + 10;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long size = bodySize(request);
        if (size == 0) {
            return chain.proceed(request);
        }
        if (!budget.tryAcquire(size)) {
            return Mono.just(Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "too-many-requests",
                    "this instance is holding as many request bodies as it may (" + budget.requestsInFlight()
                            + " requests, " + budget.bytesInFlight() + " bytes); retry after " + retryAfterSeconds
                            + " s").header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds)));
        }
        AtomicBoolean released = new AtomicBoolean();
        return Flux.from(chain.proceed(request)).doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                budget.release(size);
            }
        });
    }

    private long bodySize(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > 0) {
            return Math.min(length, maxRequestSize);
        }
        String encoding = request.getHeaders().get(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase().contains("chunked") ? maxRequestSize : 0;
    }

    public InFlightBudget budget() {
        return budget;
    }
}
