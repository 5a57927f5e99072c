package kz.aqparat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU and memory of each process of the stack. Local child processes are read from {@code /proc/<pid>/stat}
 * (user + system time, in clock ticks of 1/100 s) and {@code /proc/<pid>/status} ({@code VmRSS}); a service of
 * a running stack from its {@code /prometheus} page ({@code process_cpu_usage} times {@code system_cpu_count},
 * and the JVM's used memory, {@code jvm_memory_used_bytes}, since Micrometer does not export the RSS).
 */
final class ResourceSampler {

    /** One reading: CPU in percent of one core since the previous reading, memory in MB. */
    record Reading(double cpuPercent, double memoryMb) {
    }

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, URI> prometheus = new LinkedHashMap<>();
    private volatile String key;

    /** The operator key that {@code /prometheus} asks for. */
    void key(String key) {
        this.key = key;
    }
    private final Map<String, long[]> previous = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void process(String name, long pid) {
        pids.put(name, pid);
    }

    void prometheus(String name, URI serviceUrl) {
        String base = serviceUrl.toString();
        prometheus.put(name, URI.create((base.endsWith("/") ? base : base + "/") + "prometheus"));
    }

    boolean isEmpty() {
        return pids.isEmpty() && prometheus.isEmpty();
    }

    /** What the memory figure is: RSS for processes, JVM used memory for scraped services. */
    String memoryKind(String name) {
        return pids.containsKey(name) ? "rss" : "jvmUsed";
    }

    Map<String, Reading> sample() {
        Map<String, Reading> readings = new LinkedHashMap<>();
        long now = System.nanoTime();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                // Fields after the command name (which may contain spaces) start after the last ')'.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                long rssKb = 0;
                for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
                long[] prev = previous.put(name, new long[]{now, ticks});
                double cpu = prev == null ? 0 : 100.0 * (ticks - prev[1]) / CLOCK_TICKS_PER_SECOND
                        / ((now - prev[0]) / 1e9);
                readings.put(name, new Reading(cpu, rssKb / 1024.0));
            } catch (IOException | RuntimeException e) {
                // the process is gone
            }
        });
        prometheus.forEach((name, uri) -> {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET();
                if (key != null) {
                    request.header("Authorization", "Bearer " + key);
                }
                String page = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                double usage = 0;
                double cpus = 1;
                double used = 0;
                for (String line : page.split("\n")) {
                    if (line.startsWith("process_cpu_usage")) {
                        usage = value(line);
                    } else if (line.startsWith("system_cpu_count")) {
                        cpus = value(line);
                    } else if (line.startsWith("jvm_memory_used_bytes")) {
                        used += value(line);
                    }
                }
                readings.put(name, new Reading(usage * cpus * 100, used / (1024 * 1024)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // not reachable right now
            }
        });
        return readings;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
