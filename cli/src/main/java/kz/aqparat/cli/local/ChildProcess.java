package kz.aqparat.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started as a child process with its output in a log file. It runs in a session of its own
 * ({@code setsid}) so that a Ctrl-C on the terminal reaches only the CLI, which then stops its children in order
 * (services before the broker); {@link #close()} sends SIGTERM and waits, then kills.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** Children not yet stopped, so that a shutdown hook can stop even those started while it ran. */
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param javaArgs arguments after the {@code java} executable, e.g. {@code -jar x.jar}
     */
    public static ChildProcess startJava(String name, List<String> javaArgs, Map<String, String> env, Path workDir,
                                         Path log) {
        return startJava(name, javaArgs, env, workDir, log, false);
    }

    /**
     * As {@link #startJava(String, List, Map, Path, Path)}; {@code appendLog} keeps what the log already has (a
     * restart after a crash keeps the crash's output).
     */
    public static ChildProcess startJava(String name, List<String> javaArgs, Map<String, String> env, Path workDir,
                                         Path log, boolean appendLog) {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        command.add(javaExecutable());
        command.addAll(javaArgs);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            synchronized (LIVE) {
                if (shuttingDown) {
                    throw new IllegalStateException("shutting down; not starting " + name);
                }
                ChildProcess child = new ChildProcess(name, builder.start(), log);
                LIVE.add(child);
                child.process.onExit().thenRun(() -> LIVE.remove(child));
                return child;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The java of the running JVM, so that children run on the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Runs a JVM to completion (a tool such as Kafka's StorageTool); fails with its output if it fails. */
    public static void runJava(String name, List<String> javaArgs, Path workDir, Path log, Duration timeout) {
        ChildProcess tool = startJava(name, javaArgs, Map.of(), workDir, log);
        try {
            if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + tool.logTail(30));
            }
        } catch (InterruptedException e) {
            tool.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
        if (tool.process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + tool.process.exitValue() + "\n"
                    + tool.logTail(30));
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Fails with the log tail if the process has exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "\n" + logTail(40));
        }
    }

    /** For a shutdown hook: refuses new children from now on and stops every child still running. */
    public static void stopAllLive() {
        synchronized (LIVE) {
            shuttingDown = true;
        }
        List<ChildProcess> live = new ArrayList<>(LIVE);
        live.forEach(ChildProcess::requestStop);
        live.forEach(ChildProcess::close);
    }

    /** Sends SIGTERM without waiting, so that several children can stop side by side before {@link #close()}. */
    public void requestStop() {
        process.destroy();
    }

    /** SIGKILL, as a crash or the OOM killer would end it, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
