package kz.aqparat.store.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kz.aqparat.contracts.ArticleVersion;
import kz.aqparat.contracts.IndexedArticle;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Stores;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, per article, the version the views count, or the mark that it was deleted ({@link Stores#ARTICLE_VERSIONS}),
 * and the partition's partial views, and forwards each accepted version's bytes (or a tombstone) to
 * {@code articles.store}.
 *
 * <p>Versions are ordered by source version (the raw offset, {@code enrichment.sourceVersion}), then by engine
 * version ({@link ArticleVersion#compareTo}); a record that is not newer than the stored version changes nothing and
 * is not forwarded: an older one (a replay or redrive of an older raw record, an enrichment that lost a race), the
 * same one again, or the same text ({@link RecordHeaders#TEXT_FINGERPRINT}) enriched by the same engine from a newer
 * raw record (a duplicate push), whose newer source version is remembered. So whatever the order in which
 * re-processing happens, the views count the newest raw version, enriched by the newest engine.
 *
 * <p>An accepted version moves each view from the previous version's contributions to its own: per view key, the
 * difference is added to the partial row, and a row left with no article is deleted. A tombstone (a delete, with the
 * raw offset of the delete in header {@link RecordHeaders#SOURCE_OFFSET}) takes the stored version back out of the
 * views and leaves a deleted mark at that offset, so that only a version from a later raw record stores the article
 * again.
 */
final class LatestVersionProcessor implements Processor<String, ReceivedArticle, String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(LatestVersionProcessor.class);
    /** A fingerprint is a SHA-256 in hex; a longer header value is not one, and is not kept in the store. */
    private static final int MAX_FINGERPRINT_BYTES = 128;

    private final ViewListener listener;
    private final VersionListener versionListener;
    private List<BoundView<?>> views;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, ArticleVersion> versions;
    private KeyValueStore<String, IndexedArticle> index;

    LatestVersionProcessor(ViewListener listener, VersionListener versionListener) {
        this.listener = listener;
        this.versionListener = versionListener;
    }

    /** A view and this task's store of its partial rows. */
    private record BoundView<V>(PartialView<V> view, KeyValueStore<String, V> rows) {

        /** Applies the change from one version to the other (null: none); true when a row changed. */
        boolean apply(ArticleVersion previous, ArticleVersion latest) {
            Map<String, V> delta = view.delta(previous, latest);
            delta.forEach((key, change) -> {
                V current = rows.get(key);
                V next = current == null ? change : view.plus().apply(current, change);
                if (view.empty().test(next)) {
                    rows.delete(key);
                } else {
                    rows.put(key, next);
                }
            });
            return !delta.isEmpty();
        }
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.versions = context.getStateStore(Stores.ARTICLE_VERSIONS.name());
        this.index = context.getStateStore(Stores.ARTICLE_INDEX.name());
        // Bound afresh, like the stores above: Kafka Streams calls init again on the same instance when it revives
        // a task (a dirty close under exactly-once), and views bound twice would count every later article twice.
        this.views = PartialView.ALL.stream().<BoundView<?>>map(view -> bind(view, context)).toList();
    }

    private static <V> BoundView<V> bind(PartialView<V> view, ProcessorContext<?, ?> context) {
        return new BoundView<>(view, context.getStateStore(view.store().name()));
    }

    @Override
    public void process(Record<String, ReceivedArticle> record) {
        String id = record.key();
        if (id == null) {
            LOG.warn("dropping an enriched article without a key (article id)");
            return;
        }
        ArticleVersion stored = versions.get(id);
        if (record.value() == null) {
            delete(id, stored, record);
        } else {
            store(id, stored, record);
        }
    }

    private void store(String id, ArticleVersion stored, Record<String, ReceivedArticle> record) {
        ReceivedArticle received = record.value();
        ArticleVersion latest = Contributions.of(received.projection(), fingerprint(record.headers()));
        ArticleVersion counted = stored == null || stored.deleted() ? null : stored;
        if (stored != null && stored.deleted()) {
            if (notAfterDelete(latest.sourceVersion(), stored.sourceVersion())) {
                skip(id, VersionListener.Skip.DELETED, latest, stored);
                return;
            }
        } else if (counted != null) {
            int order = latest.compareTo(counted);
            if (order < 0) {
                skip(id, VersionListener.Skip.OLDER, latest, stored);
                return;
            }
            if (order == 0) {
                skip(id, VersionListener.Skip.SAME, latest, stored);
                return;
            }
            if (sameTextSameEngine(latest, counted)) {
                versions.put(id, counted.withSourceVersion(latest.sourceVersion()));
                skip(id, VersionListener.Skip.DUPLICATE, latest, stored);
                return;
            }
        }
        versions.put(id, latest);
        update(counted, latest);
        reindex(id, counted, latest, IndexEntries.of(id, received.projection(), latest));
        context.forward(record.withValue(received.json()));
        listener.articleChanged(id, received.projection());
    }

    /**
     * A delete at raw offset D (header {@link RecordHeaders#SOURCE_OFFSET}) applies unless the stored version, or a
     * delete already kept, is from a later raw record. A tombstone without the header (written outside the
     * pipeline) deletes whatever is stored, as in earlier releases, and is kept at the stored version's source
     * version.
     */
    private void delete(String id, ArticleVersion stored, Record<String, ReceivedArticle> record) {
        Long at = sourceOffset(record.headers());
        if (stored == null) {
            if (at != null) {
                // Nothing to take out of the views, but an older version may still come (a late replay).
                versions.put(id, ArticleVersion.deletedAt(at));
            }
            return;
        }
        if (stored.deleted()) {
            if (at != null && (stored.sourceVersion() == null || at > stored.sourceVersion())) {
                versions.put(id, ArticleVersion.deletedAt(at));
            } else {
                skipDelete(id, at, stored);
            }
            return;
        }
        if (at != null && stored.sourceVersion() != null && stored.sourceVersion() > at) {
            skipDelete(id, at, stored);
            return;
        }
        versions.put(id, ArticleVersion.deletedAt(at != null ? at : stored.sourceVersion()));
        update(stored, null);
        reindex(id, stored, null, null);
        context.forward(record.withValue(null));
        listener.articleChanged(id, null);
    }

    private void skipDelete(String id, Long at, ArticleVersion stored) {
        LOG.debug("article {}: delete at offset {} not applied: stored {} at source version {}", id, at,
                stored.deleted() ? "a delete" : "a version", stored.sourceVersion());
        versionListener.skipped(id, VersionListener.Skip.STALE_DELETE);
    }

    /**
     * Whether a version from raw offset {@code source} is from before (or is) the delete at {@code deletedAt}: a
     * version without a source version is older than any delete with one; a delete at an unknown offset (a
     * tombstone written by hand onto a version without one) stops nothing.
     */
    private static boolean notAfterDelete(Long source, Long deletedAt) {
        return deletedAt != null && (source == null || source <= deletedAt);
    }

    private static boolean sameTextSameEngine(ArticleVersion latest, ArticleVersion counted) {
        return latest.fingerprint() != null && latest.fingerprint().equals(counted.fingerprint())
                && ArticleVersion.compareEngineVersions(latest.engineVersion(), counted.engineVersion()) == 0;
    }

    private void skip(String id, VersionListener.Skip why, ArticleVersion received, ArticleVersion stored) {
        LOG.debug("article {}: not stored ({}): source version {} engine {}, stored {}source version {} engine {}",
                id, why.label(), received.sourceVersion(), received.engineVersion(),
                stored.deleted() ? "a delete at " : "", stored.sourceVersion(), stored.engineVersion());
        versionListener.skipped(id, why);
    }

    private void update(ArticleVersion previous, ArticleVersion latest) {
        for (BoundView<?> view : views) {
            if (view.apply(previous, latest)) {
                listener.viewChanged(view.view());
            }
        }
    }

    /** Moves the article's index entry from the previous counted version's key to the latest's (null: none). */
    private void reindex(String id, ArticleVersion previous, ArticleVersion latest, IndexedArticle entry) {
        String before = IndexEntries.key(id, previous);
        String after = IndexEntries.key(id, latest);
        if (before != null && !before.equals(after)) {
            index.delete(before);
        }
        if (after != null) {
            index.put(after, entry);
        }
    }

    private static String fingerprint(Headers headers) {
        Header header = headers.lastHeader(RecordHeaders.TEXT_FINGERPRINT);
        if (header == null || header.value() == null || header.value().length == 0
                || header.value().length > MAX_FINGERPRINT_BYTES) {
            return null;
        }
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** The raw offset of a delete, or null when the header is missing or not an offset. */
    private static Long sourceOffset(Headers headers) {
        Header header = headers.lastHeader(RecordHeaders.SOURCE_OFFSET);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            long offset = Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
            return offset >= 0 ? offset : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
