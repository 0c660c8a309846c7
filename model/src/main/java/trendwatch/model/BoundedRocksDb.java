package trendwatch.model;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB state store in the JVM together, as the Kafka Streams memory
 * management guide recommends. By default each store instance (one per store and partition) takes its own block
 * cache and memtables, up to about 100 MB each, so the process would grow with the number of partitions and the
 * amount of data read back; here all of them share one cache that also holds the memtables and index blocks.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** Off-heap memory of all stores together: block cache, index and filter blocks, and memtables. */
    public static final long TOTAL_BYTES = 64L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final double INDEX_FILTER_SHARE = 0.1;
    private static final long BLOCK_BYTES = 16 * 1024;
    private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    private static final int MEMTABLES = 2;

    // shared by every store instance of the process, and never closed: they live as long as the JVM
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_SHARE);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        bound(options, (BlockBasedTableConfig) options.tableFormatConfig());
    }

    /**
     * Options for a RocksDB database opened outside Kafka Streams (ingest's memory of its articles) that draws on
     * the same cache as the state stores, so the process's off-heap memory stays within one budget. The caller
     * closes them after the database.
     */
    public static Options standaloneOptions() {
        Options options = new Options().setCreateIfMissing(true);
        bound(options, new BlockBasedTableConfig());
        return options;
    }

    private static void bound(Options options, BlockBasedTableConfig table) {
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_BYTES);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared: closing them here would break the other stores
    }
}
