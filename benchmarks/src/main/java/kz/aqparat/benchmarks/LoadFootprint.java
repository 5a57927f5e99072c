package kz.aqparat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import kz.aqparat.extraction.ArticleExtractor;

/**
 * Heap the loaded engine keeps: used heap after a full GC, before and after {@link ArticleExtractor#load()} and one
 * extraction, in a fresh JVM. Run: {@code java -cp benchmarks/target/benchmarks.jar kz.aqparat.benchmarks.LoadFootprint}.
 */
public final class LoadFootprint {

    private LoadFootprint() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long t0 = System.nanoTime();
        ArticleExtractor extractor = ArticleExtractor.load();
        extractor.extract(Articles.samples().get(0), LocalDate.of(2026, 2, 18));
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        long after = usedAfterGc(memory);
        System.out.printf("load + first extraction: %d ms%n", loadMillis);
        System.out.printf("heap used after GC: %.1f MB before load, %.1f MB after, %.1f MB retained by the engine%n",
                mb(before), mb(after), mb(after - before));
        System.out.println(extractor.version()); // keeps the extractor reachable through the measurement
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
