package kz.aqparat.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.aqparat.contracts.Extraction;
import kz.aqparat.extraction.ArticleExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles per second per thread of {@link ArticleExtractor#extract}: each operation is one article of about
 * {@code chars} characters, cycling through articles cut from the samples. One thread is one core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Thread)
public class ExtractBenchmark {

    /** 5,000 characters of Russian text is about 9 KB of UTF-8. */
    @Param({"5000"})
    public int chars;

    private ArticleExtractor extractor;
    private List<String> articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = ArticleExtractor.load();
        articles = Articles.ofLength(chars);
    }

    @Benchmark
    public Extraction extract() {
        String article = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return extractor.extract(article, LocalDate.of(2026, 2, 18));
    }

    /** A 1 MB article, to show that time grows linearly with size: compare with {@code chars} × 200. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public Extraction extractOneMegabyte(Megabyte m) {
        return extractor.extract(m.text, LocalDate.of(2026, 2, 18));
    }

    @State(Scope.Thread)
    public static class Megabyte {
        String text;

        @Setup(Level.Trial)
        public void setUp() {
            StringBuilder b = new StringBuilder(1 << 20);
            List<String> samples = Articles.samples();
            for (int i = 0; b.length() < (1 << 20); i++) {
                b.append(samples.get(i % samples.size())).append("\n\n");
            }
            text = b.toString();
        }
    }
}
