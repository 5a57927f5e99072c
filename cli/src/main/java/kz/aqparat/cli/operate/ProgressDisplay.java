package kz.aqparat.cli.operate;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long pass over a topic, on standard error: a progress bar with rate and ETA on a terminal (the
 * progressbar library, as {@code push} uses), a plain line every {@value #LINE_INTERVAL_SECONDS} s otherwise (a
 * log or a pipe), or nothing ({@code --no-progress}).
 */
public abstract class ProgressDisplay implements AutoCloseable {

    static final int LINE_INTERVAL_SECONDS = 5;

    /** @param done offsets covered so far, of {@code total}; {@code detail} e.g. "12 replayed, 3 skipped" */
    public abstract void update(long done, String detail);

    @Override
    public abstract void close();

    public static ProgressDisplay of(String task, long total, boolean enabled, PrintWriter err) {
        if (!enabled) {
            return new ProgressDisplay() {
                @Override
                public void update(long done, String detail) {
                }

                @Override
                public void close() {
                }
            };
        }
        if (System.console() != null) {
            return new Bar(task, total);
        }
        return new Lines(task, total, err);
    }

    private static final class Bar extends ProgressDisplay {
        private final ProgressBar bar;

        Bar(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" rec", 1).showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void update(long done, String detail) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + detail);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends ProgressDisplay {
        private final String task;
        private final long total;
        private final PrintWriter err;
        private final long startNanos = System.nanoTime();
        private long lastLineNanos = startNanos;

        Lines(String task, long total, PrintWriter err) {
            this.task = task;
            this.total = total;
            this.err = err;
        }

        @Override
        public void update(long done, String detail) {
            long now = System.nanoTime();
            if (now - lastLineNanos < Duration.ofSeconds(LINE_INTERVAL_SECONDS).toNanos()) {
                return;
            }
            lastLineNanos = now;
            err.println(line(task, done, total, Duration.ofNanos(now - startNanos), detail));
            err.flush();
        }

        @Override
        public void close() {
        }
    }

    /** "replay: 45% (1200 of 2700), 3 skipped, 240/s, ETA 6 s". */
    static String line(String task, long done, long total, Duration elapsed, String detail) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        String eta = rate <= 0 ? "?" : Math.round((total - done) / rate) + " s";
        long percent = total == 0 ? 100 : done * 100 / total;
        return String.format("%s: %d%% (%d of %d)%s, %.0f/s, ETA %s", task, percent, done, total,
                detail.isEmpty() ? "" : ", " + detail, rate, eta);
    }
}
