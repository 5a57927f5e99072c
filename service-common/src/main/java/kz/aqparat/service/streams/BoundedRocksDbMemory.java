package kz.aqparat.service.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of a Kafka Streams application at one figure, the way the Kafka
 * Streams memory-management docs describe: one block cache and one write-buffer manager shared by all stores of
 * the process, with the memtables counted against the cache and index and filter blocks kept in it.
 *
 * <p>Without it each store <em>per partition</em> gets its own 50 MB block cache and up to three 16 MB memtables:
 * store-service's two RocksDB stores on 12 partitions could use 2.3 GB outside the heap, and the figure grows with
 * every partition an instance takes over, which no {@code -Xmx} bounds.
 *
 * <p>Set as {@code rocksdb.config.setter}; {@value #TOTAL_BYTES_CONFIG} (default {@value #DEFAULT_TOTAL_BYTES}
 * bytes) is the total, of which {@value #MEMTABLE_SHARE_CONFIG} (default 0.25) may be memtables. Both are read
 * from the Streams configuration the first time a store opens: the cache is one per process.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES_CONFIG = "aqparat.rocksdb.total.bytes";
    public static final String MEMTABLE_SHARE_CONFIG = "aqparat.rocksdb.memtable.share";
    public static final long DEFAULT_TOTAL_BYTES = 128L * 1024 * 1024;
    private static final double DEFAULT_MEMTABLE_SHARE = 0.25;
    /** Index and filter blocks go to the high-priority pool, so that data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_RATIO = 0.1;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

    private static Shared shared;

    private record Shared(Cache cache, WriteBufferManager writeBuffers, long totalBytes, long memtableBytes) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, memory.memtableBytes() / 2));
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store of the process: they stay open.
    }

    /** The total the stores of this process share, in bytes. */
    public static synchronized long totalBytes() {
        return shared == null ? 0 : shared.totalBytes();
    }

    private static synchronized Shared shared(Map<String, Object> configs) {
        if (shared == null) {
            long total = number(configs, TOTAL_BYTES_CONFIG, DEFAULT_TOTAL_BYTES).longValue();
            double memtableShare = number(configs, MEMTABLE_SHARE_CONFIG, DEFAULT_MEMTABLE_SHARE).doubleValue();
            if (total < 8L * 1024 * 1024 || memtableShare <= 0 || memtableShare >= 1) {
                throw new IllegalArgumentException(TOTAL_BYTES_CONFIG + " must be at least 8 MB and "
                        + MEMTABLE_SHARE_CONFIG + " between 0 and 1, were " + total + " and " + memtableShare);
            }
            Cache cache = new LRUCache(total, -1, false, HIGH_PRIORITY_RATIO);
            long memtables = (long) (total * memtableShare);
            shared = new Shared(cache, new WriteBufferManager(memtables, cache), total, memtables);
        }
        return shared;
    }

    private static Number number(Map<String, Object> configs, String name, Number fallback) {
        Object value = configs.get(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n;
        }
        try {
            return Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value, e);
        }
    }
}
