package kz.aqparat.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline up} itself, as an operator runs it: the CLI jar in its own process on free ports, its printed
 * URLs used with real HTTP calls, then SIGTERM, after which no broker or service process may be left; started
 * again on the same working directory, the articles are still there, and a service killed with SIGKILL is
 * started again by the supervisor (logged on the console and in {@code logs/supervisor.log}) and becomes healthy.
 */
class PipelineUpIT {

    private static final Pattern DASHBOARD = Pattern.compile("dashboard\\s+(http://\\S+)");
    private static final Pattern PUSHED = Pattern.compile("pushed \\S+\\s+(\\w+)\\s+(accepted|duplicate)");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    private final List<Run> runs = new ArrayList<>();

    /** A failed assertion must not leave a pipeline running. */
    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Run run : runs) {
            List<ProcessHandle> children = run.process.descendants().toList();
            run.process.destroy();
            if (!run.process.waitFor(3, TimeUnit.MINUTES)) {
                run.process.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void upRunsThePipelineWithTheSamplesAndStopsEverythingOnSigterm() throws Exception {
        Run first = up(false);
        assertEquals(5, first.ids.size(), first.output());
        JsonNode timeline = getJson(first.dashboard.resolve("api/views/timeline"));
        assertEquals(5, timeline.findValues("articleCount").stream().mapToLong(JsonNode::asLong).sum(),
                timeline.toString());
        // Each view is its own aggregation; give the persons view the moment it may lag the timeline.
        URI persons = first.dashboard.resolve("api/views/entities?type=PERSON&limit=1000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!getJson(persons).findValuesAsText("name").contains("Аида Балаева") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(getJson(persons).findValuesAsText("name").contains("Аида Балаева"), getJson(persons).toString());
        first.stop();

        assertTrue(Files.exists(workDir.resolve("kafka").resolve("cluster.id")));
        String clusterId = Files.readString(workDir.resolve("kafka").resolve("cluster.id"));
        Run second = up(true);
        for (String id : first.ids) {
            HttpResponse<String> article = http.send(HttpRequest.newBuilder(second.dashboard.resolve("api/articles/"
                    + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, article.statusCode(), "article " + id + " survives a restart");
        }
        assertEquals(clusterId, Files.readString(workDir.resolve("kafka").resolve("cluster.id")));

        // A service that dies is started again by the supervisor, and the restart is logged.
        ProcessHandle enrich = second.process.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("enrich-service-all.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no enrich-service child"));
        enrich.destroyForcibly();
        second.awaitLine("supervisor: enrich-service restarted", TimeUnit.MINUTES.toNanos(2));
        URI enrichHealth = URI.create("http://localhost:" + second.enrichPort + "/health");
        long healthyBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int status = 0;
        while (System.nanoTime() < healthyBy && status != 200) {
            Thread.sleep(1000);
            try {
                status = http.send(HttpRequest.newBuilder(enrichHealth).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                status = 0;
            }
        }
        assertEquals(200, status, "enrich-service healthy again after kill -9\n" + second.output());
        String supervisorLog = Files.readString(workDir.resolve("logs").resolve("supervisor.log"));
        assertTrue(supervisorLog.contains("enrich-service (pid " + enrich.pid() + ") exited with code 137"),
                supervisorLog);
        assertTrue(supervisorLog.contains("restart #1 in 1.0 s"), supervisorLog);
        second.stop();
    }

    private Run up(boolean noSamples) throws Exception {
        RepoLayout layout = RepoLayout.find();
        int enrichPort = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar",
                layout.root().resolve("cli/target/cli-all.jar").toString(), "up",
                "--kafka-port", Integer.toString(FreePorts.next()),
                "--controller-port", Integer.toString(FreePorts.next()),
                "--ingest-port", Integer.toString(FreePorts.next()),
                "--enrich-port", Integer.toString(enrichPort),
                "--store-port", Integer.toString(FreePorts.next()),
                "--work-dir", workDir.toString()));
        if (noSamples) {
            command.add("--no-samples");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(RepoLayout.HOME_ENV, layout.root().toString());
        Process process = builder.start();
        Run run = new Run(process, enrichPort);
        runs.add(run);
        run.awaitDashboard();
        return run;
    }

    private JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return Json.mapper().readTree(response.body());
    }

    private static final class Run {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder output = new StringBuilder();
        final List<String> ids = new ArrayList<>();
        final Thread reader;
        final int enrichPort;
        URI dashboard;

        Run(Process process, int enrichPort) {
            this.process = process;
            this.enrichPort = enrichPort;
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "pipeline-up-output");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized String output() {
            List<String> more = new ArrayList<>();
            lines.drainTo(more);
            more.forEach(line -> output.append(line).append('\n'));
            return output.toString();
        }

        void awaitDashboard() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    if (!process.isAlive()) {
                        break;
                    }
                    continue;
                }
                output.append(line).append('\n');
                Matcher pushed = PUSHED.matcher(line);
                if (pushed.find()) {
                    ids.add(pushed.group(1));
                }
                Matcher matcher = DASHBOARD.matcher(line);
                if (matcher.find()) {
                    dashboard = URI.create(matcher.group(1));
                    return;
                }
            }
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            throw new AssertionError("pipeline up printed no dashboard URL:\n" + output());
        }

        /** Waits until the output has a line that contains {@code text}. */
        void awaitLine(String text, long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    synchronized (this) {
                        output.append(line).append('\n');
                    }
                    if (line.contains(text)) {
                        return;
                    }
                }
            }
            throw new AssertionError("no line with '" + text + "' in the output:\n" + output());
        }

        /** SIGTERM, as Ctrl-C or a service manager sends, then no process of the run may be left. */
        void stop() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            assertTrue(children.size() >= 4, "broker and three services run as children: " + children);
            // ProcessHandle.destroy sends SIGTERM like Process.destroy, but leaves the output stream open to read.
            process.toHandle().destroy();
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "pipeline up did not stop\n" + output());
            reader.join(10_000);
            for (ProcessHandle child : children) {
                child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
                assertFalse(child.isAlive(), "left running: " + child.info() + "\n" + output());
            }
            String out = output();
            assertTrue(out.contains("stopping services and broker") && out.contains("\nstopped"), out);
            assertFalse(out.contains("unexpectedly"), out);
        }
    }
}
