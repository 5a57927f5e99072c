package kz.aqparat.benchmarks;

import java.util.concurrent.TimeUnit;
import kz.aqparat.extraction.ArticleExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold load time of the engine: {@link ArticleExtractor#load()} once in each of several fresh JVMs (dictionaries
 * are shared within a JVM once loaded, so only the first load of a JVM is the real cost).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class LoadBenchmark {

    @Benchmark
    public ArticleExtractor load() {
        return ArticleExtractor.load();
    }
}
