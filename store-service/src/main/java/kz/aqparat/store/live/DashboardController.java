package kz.aqparat.store.live;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** The live dashboard page and the event stream that keeps it up to date. */
@Controller
public class DashboardController {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final LiveUpdates updates;
    private final byte[] page;

    public DashboardController(LiveUpdates updates) {
        this.updates = updates;
        try (InputStream in = DashboardController.class.getResourceAsStream("/public/index.html")) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> dashboard() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }

    /**
     * Every change to this instance's views and articles as it happens: events named {@code article},
     * {@code entity}, {@code region} and {@code day} with data {@code {"key": …, "value": row or null}}, and a
     * {@code ping} at once and then every 15 s that keeps idle connections open.
     */
    @Get(value = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream() {
        // The first ping goes out at once: browsers report the stream open only once its first bytes arrive.
        Flux<Event<?>> pings = Flux.interval(Duration.ZERO, KEEP_ALIVE).map(i -> Event.of("keep-alive").name("ping"));
        return Flux.merge(updates.events(), pings);
    }
}
