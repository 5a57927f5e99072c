package kz.aqparat.store.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Error;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.aqparat.service.problem.Problems;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.aqparat.store.query.StoreCluster;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** The live dashboard page and the event stream that keeps it up to date. */
@Controller
public class DashboardController {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final LiveUpdates updates;
    private final StoreCluster cluster;
    private final StreamLimit limit;
    private final byte[] page;
    private final String contentSecurityPolicy;

    public DashboardController(LiveUpdates updates, StoreCluster cluster, StreamLimit limit) {
        this.updates = updates;
        this.cluster = cluster;
        this.limit = limit;
        try (InputStream in = DashboardController.class.getResourceAsStream("/public/index.html")) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.contentSecurityPolicy = ContentSecurityPolicy.forPage(new String(page, StandardCharsets.UTF_8));
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> dashboard() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    /**
     * The live feed: an {@code article} event for every stored (or deleted) article as it happens, data
     * {@code {"key": id, "value": summary or null}}; a {@code views} event, at most every 500 ms per instance, with
     * data {@code {"views": ["entities", "regions", "timeline"]}} naming the views that changed (their rows are to be
     * loaded again from {@code /api/views/...}); and a {@code ping} at once and then every 15 s that keeps idle
     * connections open. The events of the other instances (those known through {@code application.server}) are
     * relayed too; with {@code scope=local}, only this instance's. If another instance's stream breaks, this one
     * ends, so that the client reconnects and reloads.
     */
    @Get(value = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(@Nullable @QueryValue String scope) {
        if (!limit.tryOpen()) {
            throw new StreamsFull(limit.max());
        }
        // The first ping goes out at once: browsers report the stream open only once its first bytes arrive.
        Flux<Event<?>> pings = Flux.interval(Duration.ZERO, KEEP_ALIVE).map(i -> Event.of("keep-alive").name("ping"));
        List<Publisher<? extends Event<?>>> sources = new ArrayList<>(List.of(updates.events(), pings));
        if (!"local".equals(scope)) {
            for (URI peer : cluster.peers()) {
                sources.add(cluster.events(peer, "/api/stream?" + StoreCluster.LOCAL_SCOPE)
                        .filter(event -> !"ping".equals(event.getName())));
            }
        }
        AtomicBoolean closed = new AtomicBoolean();
        return Flux.merge(sources).doFinally(signal -> {
            if (closed.compareAndSet(false, true)) {
                limit.close();
            }
        });
    }

    /** More event streams than {@code aqparat.live.max-connections} are open on this instance. */
    static final class StreamsFull extends RuntimeException {
        StreamsFull(int max) {
            super("this instance already serves " + max + " live streams (aqparat.live.max-connections); "
                    + "retry later or use another instance");
        }
    }

    @Error(exception = StreamsFull.class)
    HttpResponse<?> streamsFull(StreamsFull e) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, "5");
    }
}
