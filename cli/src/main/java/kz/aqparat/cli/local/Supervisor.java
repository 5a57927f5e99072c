package kz.aqparat.cli.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Restarts the child processes of {@code ./pipeline up} that die, as a process supervisor would: one watcher
 * thread per process waits for its exit, waits a {@link RestartBackoff} delay and starts it again on the same
 * settings and data. Every death and restart is written to the console and to {@code supervisor.log}.
 * {@link #stop()} ends the watching before the processes are stopped on purpose.
 */
public final class Supervisor implements AutoCloseable {

    /** Something the supervisor can watch and start again. */
    public interface Restartable {
        String name();

        /** Its current process. */
        ChildProcess process();

        /** Starts it again; it has exited. */
        void restart();
    }

    /** A service or broker of the local stack as something to restart. */
    public static Restartable of(ServiceProcess service) {
        return new Restartable() {
            public String name() {
                return service.name();
            }

            public ChildProcess process() {
                return service.process();
            }

            public void restart() {
                service.restart();
            }
        };
    }

    public static Restartable of(LocalBroker broker) {
        return new Restartable() {
            public String name() {
                return broker.name();
            }

            public ChildProcess process() {
                return broker.process();
            }

            public void restart() {
                broker.restart();
            }
        };
    }

    private final Path log;
    private final PrintWriter console;
    private final Supplier<RestartBackoff> backoffs;
    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param log      the supervisor log, appended to
     * @param console  where each restart is also said
     * @param backoffs a new backoff per watched process
     */
    public Supervisor(Path log, PrintWriter console, Supplier<RestartBackoff> backoffs) {
        this.log = log;
        this.console = console;
        this.backoffs = backoffs;
    }

    /** Watches the process from now on. */
    public synchronized void watch(Restartable unit) {
        if (stopped) {
            throw new IllegalStateException("supervisor stopped");
        }
        Thread watcher = new Thread(() -> supervise(unit), "supervise-" + unit.name());
        watcher.setDaemon(true);
        watchers.add(watcher);
        watcher.start();
        record(unit.name() + " supervised (pid " + unit.process().pid() + ")", false);
    }

    private void supervise(Restartable unit) {
        RestartBackoff backoff = backoffs.get();
        Instant started = Instant.now();
        int restarts = 0;
        while (!stopped) {
            ChildProcess current = unit.process();
            int code;
            try {
                code = current.process().waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            Duration uptime = Duration.between(started, Instant.now());
            Duration delay = backoff.next(uptime);
            restarts++;
            record(unit.name() + " (pid " + current.pid() + ") exited with code " + code + " after "
                    + seconds(uptime) + "; restart #" + restarts + " in " + seconds(delay)
                    + " (log " + current.log() + ")", true);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            started = Instant.now();
            try {
                unit.restart();
                record(unit.name() + " restarted (pid " + unit.process().pid() + ")", true);
            } catch (RuntimeException e) {
                // The process object stays the exited one, so the loop counts this as another death at once.
                record("cannot restart " + unit.name() + ": " + e.getMessage(), true);
                if (stopped) {
                    return;
                }
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private synchronized void record(String message, boolean onConsole) {
        String line = Instant.now() + " " + message;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        if (onConsole) {
            console.println("==> supervisor: " + message);
            console.flush();
        }
    }

    /** No more restarts: from now on a process that exits stays down. */
    public synchronized void stop() {
        stopped = true;
        watchers.forEach(Thread::interrupt);
    }

    @Override
    public void close() {
        stop();
    }
}
