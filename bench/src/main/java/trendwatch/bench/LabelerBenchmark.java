package trendwatch.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import trendwatch.classify.label.Labeler;
import trendwatch.model.taxonomy.Sector;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.model.taxonomy.Term;

/**
 * The labeler on one thread over real mixed zh/en paragraphs, against the raw multi-pattern scan of the same
 * dictionary over the same (pre-lower-cased) text: the ratio is what normalisation, boundaries, context and
 * scoring cost. One operation is one paragraph, so {@code gc.alloc.rate.norm} is bytes allocated per paragraph.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LabelerBenchmark {

    /** Paragraphs per invocation: the corpus is cycled or cut to this many. */
    static final int PARAGRAPHS = 512;

    @Param(".")
    public String root;

    private String[] paragraphs;
    private char[][] lowered;
    private Labeler labeler;
    private AhoCorasickDoubleArrayTrie<String> rawTrie;
    private long hits;

    @Setup
    public void setUp() throws IOException {
        List<String> corpus = Corpus.paragraphs(Path.of(root));
        paragraphs = new String[PARAGRAPHS];
        lowered = new char[PARAGRAPHS][];
        long chars = 0;
        for (int i = 0; i < PARAGRAPHS; i++) {
            paragraphs[i] = corpus.get(i % corpus.size());
            lowered[i] = paragraphs[i].toLowerCase(Locale.ROOT).toCharArray();
            chars += paragraphs[i].length();
        }
        Taxonomy taxonomy = Taxonomy.loadDefault();
        labeler = new Labeler(taxonomy);
        rawTrie = rawTrie(taxonomy);
        System.out.printf(Locale.ROOT, "%n[corpus] %d distinct paragraphs, %d per invocation, %.1f chars per "
                + "paragraph, %.0f %% of letters Han%n", corpus.size(), PARAGRAPHS, (double) chars / PARAGRAPHS,
                100 * Corpus.hanShare(corpus));
    }

    @Benchmark
    @OperationsPerInvocation(PARAGRAPHS)
    public void label(Blackhole blackhole) {
        for (String paragraph : paragraphs) {
            blackhole.consume(labeler.label(paragraph));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PARAGRAPHS)
    public long rawScan() {
        for (char[] text : lowered) {
            rawTrie.parseText(text, (begin, end, term) -> hits++);
        }
        return hits;
    }

    private static AhoCorasickDoubleArrayTrie<String> rawTrie(Taxonomy taxonomy) {
        TreeMap<String, String> words = new TreeMap<>();
        for (Sector sector : taxonomy.sectors()) {
            sector.terms().stream().map(Term::text).forEach(t -> words.put(t.toLowerCase(Locale.ROOT), t));
            sector.needsContext().stream().map(Term::text).forEach(t -> words.put(t.toLowerCase(Locale.ROOT), t));
            sector.negative().forEach(t -> words.put(t.toLowerCase(Locale.ROOT), t));
        }
        AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(words);
        return trie;
    }
}
