package kz.aqparat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.List;
import kz.aqparat.extraction.ArticleExtractor;

/**
 * Articles per second of the extracting thread's own CPU time, for machines shared with other work where JMH's
 * wall-clock throughput mostly measures the other work. Arguments: seconds of warm-up, seconds measured.
 */
public final class ThreadCpuThroughput {

    private ThreadCpuThroughput() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ArticleExtractor extractor = ArticleExtractor.load();
        List<String> articles = Articles.ofLength(5000);
        LocalDate date = LocalDate.of(2026, 2, 18);
        run(extractor, articles, date, warmup);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long n = run(extractor, articles, date, measure);
        double cpuSeconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf("%d articles of ~5,000 chars: %.0f articles per CPU-second of the thread, %.0f per wall "
                + "second%n", n, n / cpuSeconds, n / wallSeconds);
    }

    private static long run(ArticleExtractor extractor, List<String> articles, LocalDate date, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            extractor.extract(articles.get((int) (n % articles.size())), date);
            n++;
        }
        return n;
    }
}
