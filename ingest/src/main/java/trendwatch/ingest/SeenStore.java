package trendwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import trendwatch.model.BoundedRocksDb;
import trendwatch.model.ExclusiveLock;
import trendwatch.model.SeenArticle;
import trendwatch.model.Topics;

/**
 * Ingest's committed memory of its articles, by article id, in a RocksDB database on disk rather than on the heap:
 * it holds one entry per article ever published, so on the heap it would grow with the articles. The database
 * draws on the state stores' shared cache ({@link BoundedRocksDb}). It is a copy of the compacted
 * {@code trend.ingest.seen} topic, rebuilt at every start, so it is opened empty and writes no log of its own.
 * A lock file beside the folder keeps a second ingest on the same folder from emptying it under the first.
 * Not thread-safe: its owner ({@link ArticleSink}) calls it under its lock. A transaction that lands after ingest
 * has closed it is not written here (the topic has it); reading it then is an error.
 */
final class SeenStore implements TopicSnapshot.Target<SeenArticle>, AutoCloseable {

    private static final Serializer<SeenArticle> SERIALIZER = Topics.INGEST_SEEN.valueSerde().serializer();
    private static final Deserializer<SeenArticle> DESERIALIZER = Topics.INGEST_SEEN.valueSerde().deserializer();

    private static final byte FILE_KEY_PREFIX = 0;

    private final Path dir;
    private final ExclusiveLock lock;
    private final Options options;
    private final WriteOptions writes;
    private final RocksDB db;
    private boolean closed;

    private SeenStore(Path dir, ExclusiveLock lock, Options options, WriteOptions writes, RocksDB db) {
        this.dir = dir;
        this.lock = lock;
        this.options = options;
        this.writes = writes;
        this.db = db;
    }

    /** An empty store in {@code dir}, which is emptied first: whatever an earlier run left there is stale. */
    static SeenStore openEmpty(Path dir) {
        RocksDB.loadLibrary();
        ExclusiveLock lock = lock(dir);
        Options options = BoundedRocksDb.standaloneOptions();
        WriteOptions writes = new WriteOptions().setDisableWAL(true);
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            return new SeenStore(dir, lock, options, writes, RocksDB.open(options, dir.toString()));
        } catch (IOException | RocksDBException | UncheckedIOException e) {
            writes.close();
            options.close();
            lock.close();
            throw new IllegalStateException("cannot open ingest's memory of its articles in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static ExclusiveLock lock(Path dir) {
        return ExclusiveLock.acquire(dir.resolveSibling(dir.getFileName() + ".lock"),
                dir + " is in use by another ingest: give each ingest its own --data-dir");
    }

    SeenArticle get(String articleId) {
        if (closed) {
            throw new IllegalStateException("ingest has stopped: its memory of its articles is closed");
        }
        byte[] value = read(key(articleId));
        return value == null ? null : DESERIALIZER.deserialize(Topics.INGEST_SEEN.name(), value);
    }

    @Override
    public void put(String articleId, SeenArticle article) {
        if (closed) {
            return;
        }
        try {
            db.put(writes, key(articleId), SERIALIZER.serialize(Topics.INGEST_SEEN.name(), article));
            if (article.fileId() != null) {
                db.put(writes, fileKey(article.fileId(), articleId), new byte[0]);
            }
        } catch (RocksDBException e) {
            throw failed("write", e);
        }
    }

    @Override
    public void remove(String articleId) {
        if (closed) {
            return;
        }
        try {
            SeenArticle article = get(articleId);
            db.delete(writes, key(articleId));
            if (article != null && article.fileId() != null) {
                db.delete(writes, fileKey(article.fileId(), articleId));
            }
        } catch (RocksDBException e) {
            throw failed("delete from", e);
        }
    }

    /**
     * The articles published from the file with id {@code fileId} under other ids (its sidecar's URLs) whose latest
     * versions still say so. Usually one; more when a restart replayed the topic's partitions in another order than
     * they were written, which is why the file keeps an entry per article rather than its last one. An entry is
     * not removed when another source writes its article: this check makes it stale then.
     */
    List<String> articlesFromFile(String fileId) {
        byte[] prefix = fileKey(fileId, "");
        List<String> ids = new ArrayList<>();
        try (RocksIterator keys = db.newIterator()) {
            for (keys.seek(prefix); keys.isValid() && startsWith(keys.key(), prefix); keys.next()) {
                String id = new String(keys.key(), prefix.length, keys.key().length - prefix.length,
                        StandardCharsets.UTF_8);
                SeenArticle article = get(id);
                if (article != null && fileId.equals(article.fileId())) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * How many articles it holds, counted key by key: asked once, for the start-up log line, so writes do not pay
     * a read each to keep a running count (RocksDB's own estimate is not exact).
     */
    int size() {
        int size = 0;
        try (RocksIterator keys = db.newIterator()) {
            for (keys.seekToFirst(); keys.isValid(); keys.next()) {
                if (!isFileKey(keys.key())) {
                    size++;
                }
            }
        }
        return size;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        db.close();
        writes.close();
        options.close();
        try {
            deleteRecursively(dir);
        } finally {
            lock.close();
        }
    }

    private byte[] read(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw failed("read", e);
        }
    }

    private IllegalStateException failed(String action, RocksDBException e) {
        return new IllegalStateException("cannot " + action + " ingest's memory of its articles in " + dir + ": "
                + e.getMessage(), e);
    }

    private static byte[] key(String articleId) {
        return articleId.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isFileKey(byte[] key) {
        return key.length > 0 && key[0] == FILE_KEY_PREFIX;
    }

    /**
     * A file's entry for one article, beside the articles' under a first byte no article id has (ids are printable
     * text): the prefix, the file's id, a zero byte, the article's id.
     */
    private static byte[] fileKey(String fileId, String articleId) {
        byte[] key = ("\0" + fileId + "\0" + articleId).getBytes(StandardCharsets.UTF_8);
        key[0] = FILE_KEY_PREFIX;
        return key;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void deleteRecursively(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
