package kz.aqparat.store.live;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.RegionCount;
import kz.aqparat.store.articles.ArticleSummary;
import kz.aqparat.store.topology.ViewListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Broadcasts every change the topology makes to the views and articles of this instance as Server-Sent Events.
 * A subscriber too slow to keep up misses events rather than slowing the stream threads down.
 */
@Singleton
public class LiveUpdates implements ViewListener {

    /** One changed row: {@code value} is null when the row is gone. */
    public record Change<V>(String key, V value) {
    }

    private final Sinks.Many<Event<Change<?>>> sink = Sinks.many().multicast().directBestEffort();

    public Flux<Event<Change<?>>> events() {
        return sink.asFlux();
    }

    @Override
    public void articleChanged(String id, EnrichedArticle latest) {
        emit("article", id, latest == null ? null : ArticleSummary.of(latest));
    }

    @Override
    public void entityChanged(String key, EntityCount count) {
        emit("entity", key, count);
    }

    @Override
    public void regionChanged(String region, RegionCount count) {
        emit("region", region, count);
    }

    @Override
    public void dayChanged(String day, DayCount count) {
        emit("day", day, count);
    }

    // Several stream threads call in; a Reactor sink must be fed by one at a time.
    private synchronized void emit(String name, String key, Object value) {
        sink.tryEmitNext(Event.<Change<?>>of(new Change<>(key, value)).name(name));
    }
}
