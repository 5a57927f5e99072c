package kz.aqparat.store.live;

import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import kz.aqparat.store.articles.ArticleSummary;
import kz.aqparat.store.topology.ArticleProjection;
import kz.aqparat.store.topology.PartialView;
import kz.aqparat.store.topology.ViewListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Broadcasts this instance's changes as Server-Sent Events: an {@code article} event for every stored or deleted
 * article as it happens, and at most one {@code views} event per {@code aqparat.live.views-interval} (500 ms) naming
 * the views that changed since the last one. The stream threads only set a flag per view; the event is made on the
 * scheduler's thread. A subscriber too slow to keep up misses events rather than slowing the stream threads down.
 */
@Singleton
public class LiveUpdates implements ViewListener {

    /** One changed article: {@code value} is null when it is gone. */
    public record Change<V>(String key, V value) {
    }

    private final Sinks.Many<Event<?>> sink = Sinks.many().multicast().directBestEffort();
    private final Map<PartialView<?>, AtomicBoolean> changed = PartialView.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(view -> view, view -> new AtomicBoolean()));

    public Flux<Event<?>> events() {
        return sink.asFlux();
    }

    @Override
    public void articleChanged(String id, ArticleProjection latest) {
        if (sink.currentSubscriberCount() == 0) {
            return; // no dashboard open: nothing to build the event for
        }
        emit(Event.of(new Change<>(id, latest == null ? null : ArticleSummary.of(latest))).name("article"));
    }

    @Override
    public void viewChanged(PartialView<?> view) {
        AtomicBoolean flag = changed.get(view);
        if (!flag.get()) {
            flag.set(true);
        }
    }

    /** Emits {@code views} with data {@code {"views": [names of the views changed since the last one]}}. */
    @Scheduled(fixedDelay = "${aqparat.live.views-interval:500ms}")
    void emitChangedViews() {
        List<String> views = new ArrayList<>();
        for (PartialView<?> view : PartialView.ALL) {
            if (changed.get(view).getAndSet(false)) {
                views.add(view.name());
            }
        }
        if (!views.isEmpty()) {
            emit(Event.of(Map.of("views", views)).name("views"));
        }
    }

    // Several stream threads and the scheduler call in; a Reactor sink must be fed by one at a time.
    private synchronized void emit(Event<?> event) {
        sink.tryEmitNext(event);
    }
}
