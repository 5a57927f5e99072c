package kz.aqparat.cli.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three services of the pipeline run as child processes against one Kafka cluster: ingest, enrich, store,
 * each with its own Streams state directory and log file. Closing stops them all (SIGTERM, so each
 * closes its Streams cleanly) and waits.
 */
public final class LocalPipeline implements AutoCloseable {

    public static final String INGEST = "ingest-service";
    public static final String ENRICH = "enrich-service";
    public static final String STORE = "store-service";

    /** Ports of the three services. */
    public record Ports(int ingest, int enrich, int store) {
        public static final Ports DEFAULTS = new Ports(8081, 8082, 8083);
    }

    private final List<ServiceProcess> services;
    private final String apiKey;

    private LocalPipeline(List<ServiceProcess> services, String apiKey) {
        this.services = services;
        this.apiKey = apiKey;
    }

    /**
     * Starts all three at once (they start faster side by side) and waits until each is healthy.
     *
     * @param workDir holds {@code state/<service>/} and {@code logs/<service>.log}
     */
    public static LocalPipeline start(RepoLayout layout, String bootstrapServers, Ports ports, Path workDir,
                                      Map<String, String> extraEnv, Duration healthTimeout) {
        List<ServiceProcess> started = new ArrayList<>();
        ApiKeyFile keys = ApiKeyFile.in(workDir);
        Map<String, String> env = new java.util.HashMap<>(keys.serviceEnv());
        env.putAll(extraEnv);
        LocalPipeline pipeline = new LocalPipeline(started, keys.requireOperatorKey());
        try {
            String[] names = {INGEST, ENRICH, STORE};
            int[] portOf = {ports.ingest(), ports.enrich(), ports.store()};
            for (int i = 0; i < names.length; i++) {
                started.add(ServiceProcess.start(names[i], layout.serviceJar(names[i]), bootstrapServers, portOf[i],
                        workDir.resolve("state").resolve(names[i]), workDir.resolve("logs").resolve(names[i] + ".log"),
                        env));
            }
            for (ServiceProcess service : started) {
                service.awaitHealthy(healthTimeout);
            }
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** The operator key the services take (from {@code <work dir>/auth/keys}, created on first start). */
    public String apiKey() {
        return apiKey;
    }

    public ServiceProcess ingest() {
        return services.get(0);
    }

    public ServiceProcess enrich() {
        return services.get(1);
    }

    public ServiceProcess store() {
        return services.get(2);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops the services side by side and waits for each. */
    @Override
    public void close() {
        services.forEach(service -> service.process().requestStop());
        services.forEach(ServiceProcess::close);
    }
}
