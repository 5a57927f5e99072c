package kz.aqparat.store.query;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import kz.aqparat.contracts.Store;
import kz.aqparat.store.security.ClusterSecret;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import reactor.core.publisher.Flux;

/**
 * Interactive queries over every instance of store-service. Stores are partitioned like their topics: each
 * instance holds some partitions. An instance that knows its own address ({@code application.server}) finds the
 * others through Kafka Streams' metadata and asks them over HTTP for their local part ({@code ?scope=local});
 * without {@code application.server} it answers from its local stores only (right for a single instance).
 */
@Singleton
public class StoreCluster {

    /** The query parameter that asks an instance for its local part only. */
    public static final String LOCAL_SCOPE = "scope=local";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final ClusterSecret secret;
    private final Map<URI, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<URI, SseClient> eventClients = new ConcurrentHashMap<>();

    public StoreCluster(KafkaStreams streams,
                        @Value("${kafka.streams.default.application.server:}") String applicationServer,
                        ClusterSecret secret) {
        this.streams = streams;
        this.secret = secret;
        this.self = applicationServer.isBlank() ? null : HostInfo.buildFromEndpoint(applicationServer);
    }

    /** This instance's part of a store; 503 while the stores are not queryable (starting, rebalancing). */
    public <V> ReadOnlyKeyValueStore<String, V> local(Store<String, V> store) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(store.name(),
                    QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, e);
        }
    }

    /**
     * This instance's part of a store, one store per partition of {@code topic} that an active task of this
     * instance holds; 503 while the stores are not queryable.
     */
    public <V> List<ReadOnlyKeyValueStore<String, V>> localPartitions(Store<String, V> store, String topic) {
        List<ReadOnlyKeyValueStore<String, V>> parts = new ArrayList<>();
        try {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    for (TopicPartition partition : task.topicPartitions()) {
                        if (partition.topic().equals(topic)) {
                            parts.add(streams.store(StoreQueryParameters.fromNameAndType(store.name(),
                                    QueryableStoreTypes.<String, V>keyValueStore())
                                    .withPartition(partition.partition())));
                        }
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, e);
        }
        return parts;
    }

    private HttpStatusException notQueryable(Store<String, ?> store, InvalidStateStoreException e) {
        return new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "store " + store.name() + " is not queryable now (" + streams.state() + "): " + e.getMessage());
    }

    /** The other instance that holds {@code key}, or empty when it is this one (or the cluster is not known). */
    public Optional<URI> remoteOwner(Store<String, ?> store, String key) {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store.name(), key, Serdes.String().serializer());
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the owner of " + key + " is not known yet");
        }
        HostInfo owner = metadata.activeHost();
        return owner.equals(self) ? Optional.empty() : Optional.of(uri(owner));
    }

    /** Every other instance that holds a part of {@code store}. */
    public List<URI> peers(Store<String, ?> store) {
        if (self == null) {
            return List.of();
        }
        List<URI> peers = new ArrayList<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store.name())) {
            HostInfo host = metadata.hostInfo();
            if (!host.equals(self) && !host.equals(HostInfo.unavailable())) {
                peers.add(uri(host));
            }
        }
        return peers;
    }

    /** Every other instance of this application, whatever it holds. */
    public List<URI> peers() {
        if (self == null) {
            return List.of();
        }
        List<URI> peers = new ArrayList<>();
        for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
            HostInfo host = metadata.hostInfo();
            if (!host.equals(self) && !host.equals(HostInfo.unavailable())) {
                peers.add(uri(host));
            }
        }
        return peers;
    }

    /** The raw Server-Sent Events of {@code path} on another instance, data as received. */
    public Flux<Event<String>> events(URI peer, String path) {
        SseClient client = eventClients.computeIfAbsent(peer, uri -> {
            // Longer than the 15 s between pings: the default 10 s would cut an idle stream.
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setReadTimeout(Duration.ofMinutes(1));
            return SseClient.create(url(uri), configuration);
        });
        return Flux.from(client.eventStream(peerRequest(path)))
                .map(event -> Event.of(event.getData().toString(StandardCharsets.UTF_8)).name(event.getName()));
    }

    /** GETs {@code path} (which must already ask for the local scope) from another instance. */
    public <T> Optional<T> get(URI peer, String path, Argument<T> type) {
        try {
            return Optional.ofNullable(client(peer).toBlocking().retrieve(peerRequest(path), type));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getStatus() == HttpStatus.SERVICE_UNAVAILABLE) {
                throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "instance " + peer
                        + " cannot read its part of the views now, try again shortly");
            }
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "instance " + peer + " answered " + e.getStatus());
        } catch (RuntimeException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "instance " + peer + " is unreachable: "
                    + e.getMessage());
        }
    }

    /** Concatenates this instance's rows with every other instance's rows of the same store. */
    public <T> List<T> gather(Store<String, ?> store, List<T> local, String path, Argument<List<T>> type) {
        List<T> all = new ArrayList<>(local);
        for (URI peer : peers(store)) {
            get(peer, path, type).ifPresent(all::addAll);
        }
        return all;
    }

    /**
     * Adds every other instance's rows of a view (got from {@code path}, which asks for the local scope) to this
     * instance's rows, keyed and summed by {@code sum} (which adds rows into a map by key and returns it).
     */
    public <T> Collection<T> gather(Store<String, ?> store, Map<String, T> local, String path,
                                    Argument<List<T>> type, BiFunction<List<T>, Map<String, T>, Map<String, T>> sum) {
        Map<String, T> all = new HashMap<>(local);
        for (URI peer : peers(store)) {
            get(peer, path, type).ifPresent(rows -> sum.apply(rows, all));
        }
        return all.values();
    }

    private MutableHttpRequest<?> peerRequest(String path) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        return secret.isConfigured() ? request.header(ClusterSecret.HEADER, secret.value()) : request;
    }

    private HttpClient client(URI peer) {
        return clients.computeIfAbsent(peer, uri -> HttpClient.create(url(uri)));
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static URI uri(HostInfo host) {
        return URI.create("http://" + host.host() + ":" + host.port());
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
        eventClients.values().forEach(client -> {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        });
    }
}
