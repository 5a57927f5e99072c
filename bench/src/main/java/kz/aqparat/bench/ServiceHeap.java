package kz.aqparat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code heapMb}: a service's used heap, the sum of {@code jvm_memory_used_bytes{area="heap"}} on its
 * {@code /prometheus} page. For a process of the local stack a full collection ({@code jcmd <pid> GC.run}) comes
 * first, so that the figure is what the service keeps (e.g. an id index growing with the history), not how much
 * garbage the last young collection left.
 */
final class ServiceHeap {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private ServiceHeap() {
    }

    /** Runs a full GC in the process (best effort: false when jcmd is missing or failed). */
    static boolean collect(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The used heap in MB, or null when /prometheus does not answer (three tries: a busy service may be slow). */
    static Double usedHeapMb(URI service, String key) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Double mb = scrape(service, key);
            if (mb != null) {
                return mb;
            }
        }
        return null;
    }

    private static Double scrape(URI service, String key) {
        String base = service.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base : base + "/")
                + "prometheus")).timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            double used = 0;
            boolean found = false;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? used / (1024 * 1024) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
