package trendwatch.classify.label;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Arrays;

/**
 * The word sightings of one paragraph, on word boundaries, in text order. One per call to the labeler.
 * Bounded: repeats of a word past {@link #MAX_PER_ENTRY} add nothing to a score, so they are not kept, and a
 * paragraph is judged on its first {@link #MAX_HITS} sightings; this keeps hostile input (a megabyte of one
 * repeated word) to linear time and small memory.
 */
final class Matches implements AhoCorasickDoubleArrayTrie.IHit<Entry> {

    static final int MAX_PER_ENTRY = 16;
    static final int MAX_HITS = 2048;

    private final char[] text;
    private final byte[] perEntry;
    private Entry[] entries = new Entry[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;

    /** {@code perEntry} must be all zero; {@link #release} leaves it so again. */
    Matches(char[] text, byte[] perEntry) {
        this.text = text;
        this.perEntry = perEntry;
    }

    /** Sets the per-entry counters this paragraph raised back to zero, for the next paragraph. */
    void release() {
        for (int i = 0; i < size; i++) {
            perEntry[entries[i].id()] = 0;
        }
    }

    @Override
    public void hit(int begin, int end, Entry entry) {
        if (size == MAX_HITS || perEntry[entry.id()] == MAX_PER_ENTRY) {
            return;
        }
        int matchEnd = entry.matchEnd(text, begin, end);
        if (matchEnd < 0) {
            return;
        }
        perEntry[entry.id()]++;
        if (size == entries.length) {
            int capacity = Math.min(MAX_HITS, size * 2);
            entries = Arrays.copyOf(entries, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        entries[size] = entry;
        starts[size] = begin;
        ends[size] = matchEnd;
        size++;
    }

    int size() {
        return size;
    }

    Entry entry(int i) {
        return entries[i];
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** Whether sighting {@code outer} spans all of sighting {@code inner}. */
    boolean covers(int outer, int inner) {
        return starts[outer] <= starts[inner] && ends[outer] >= ends[inner];
    }

    /** Whether sighting {@code outer} spans all of sighting {@code inner} and is longer. */
    boolean coversLonger(int outer, int inner) {
        return covers(outer, inner) && ends[outer] - starts[outer] > ends[inner] - starts[inner];
    }

    /** Whether sightings {@code a} and {@code b} span the same chars ("cars", and "car" with its plural -s). */
    boolean sameSpan(int a, int b) {
        return starts[a] == starts[b] && ends[a] == ends[b];
    }

    /** Whether sighting {@code a} covers {@code b} or lies within {@code window} chars of it. */
    boolean near(int a, int b, int window) {
        return starts[a] - window <= ends[b] && starts[b] <= ends[a] + window;
    }
}
