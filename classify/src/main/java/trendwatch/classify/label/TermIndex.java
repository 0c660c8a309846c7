package trendwatch.classify.label;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.classify.label.TermRef.Kind;
import trendwatch.model.taxonomy.Sector;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.model.taxonomy.Term;

/** Every word of a taxonomy in one Aho-Corasick automaton, so a paragraph is scanned once for all of them. */
final class TermIndex {

    /** Null when the taxonomy has no words: the library cannot scan with an empty automaton. */
    private final AhoCorasickDoubleArrayTrie<Entry> trie;
    private final int entryCount;
    private final int refCount;

    TermIndex(Taxonomy taxonomy) {
        Map<String, List<TermRef>> byKey = new TreeMap<>();
        int refs = 0;
        List<Sector> sectors = taxonomy.sectors();
        for (int s = 0; s < sectors.size(); s++) {
            Sector sector = sectors.get(s);
            for (Term term : sector.terms()) {
                refs += add(byKey, new TermRef(refs, s, term.text(), term.weight(), Kind.STRONG));
            }
            for (Term term : sector.needsContext()) {
                refs += add(byKey, new TermRef(refs, s, term.text(), term.weight(), Kind.WEAK));
            }
            for (String word : sector.negative()) {
                refs += add(byKey, new TermRef(refs, s, word, 0, Kind.NEGATIVE));
            }
        }
        TreeMap<String, Entry> entries = new TreeMap<>();
        byKey.forEach((key, list) -> entries.put(key, new Entry(entries.size(), key, list.toArray(TermRef[]::new))));
        this.entryCount = entries.size();
        this.refCount = refs;
        this.trie = entries.isEmpty() ? null : build(entries);
    }

    /**
     * Adds a word under its normalised key; returns 1 if it was added. A second word of the same sector with the
     * same normal form ("GPU" and "ＧＰＵ") is dropped, so one sighting is never counted twice.
     */
    private static int add(Map<String, List<TermRef>> byKey, TermRef ref) {
        String key = TextNormalizer.normalizeWord(ref.text());
        if (key.isEmpty()) {
            return 0;
        }
        List<TermRef> refs = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (refs.stream().anyMatch(r -> r.sector() == ref.sector())) {
            return 0;
        }
        refs.add(ref);
        return 1;
    }

    private static AhoCorasickDoubleArrayTrie<Entry> build(TreeMap<String, Entry> entries) {
        AhoCorasickDoubleArrayTrie<Entry> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(entries);
        return trie;
    }

    int entryCount() {
        return entryCount;
    }

    int refCount() {
        return refCount;
    }

    /** Reports every sighting of a word in the normalised text; the automaton is read-only, so threads may share it. */
    void scan(char[] text, Matches into) {
        if (trie != null && text.length > 0) {
            trie.parseText(text, into);
        }
    }
}
