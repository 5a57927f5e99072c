package kz.aqparat.ingest.ids;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per partition of {@code articles.raw}, the offset up to which the global id store holds every record, and the
 * number of distinct ids of that partition: written by {@link ArticleIdsGlobalUpdater}, read by the requests. A few
 * numbers per partition, whatever the number of ids.
 */
public final class IndexProgress {

    private record Position(long offset, long ids) {
    }

    private final Map<Integer, Position> partitions = new ConcurrentHashMap<>();

    void advance(int partition, long offset, long ids) {
        partitions.merge(partition, new Position(offset, ids), (old, now) -> now.offset >= old.offset ? now : old);
    }

    /** The highest raw offset of {@code partition} the store holds with everything before it; -1 for none. */
    public long readUpTo(int partition) {
        Position position = partitions.get(partition);
        return position == null ? -1 : position.offset;
    }

    /** Distinct ids in the index, over all partitions. */
    public long ids() {
        return partitions.values().stream().mapToLong(Position::ids).sum();
    }
}
