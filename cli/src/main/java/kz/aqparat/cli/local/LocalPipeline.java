package kz.aqparat.cli.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the pipeline run as child processes against one Kafka cluster: one or more instances each of
 * ingest, enrich and store, each instance with its own HTTP port, Streams state directory and log file, all
 * instances of a service under the same application id (so Kafka spreads the partitions over them). Closing stops
 * them all (SIGTERM, so each closes its Streams cleanly) and waits.
 */
public final class LocalPipeline implements AutoCloseable {

    public static final String INGEST = "ingest-service";
    public static final String ENRICH = "enrich-service";
    public static final String STORE = "store-service";
    /** The services in start and port order. */
    public static final List<String> SERVICES = List.of(INGEST, ENRICH, STORE);

    /** Ports of the three services (of their first instances). */
    public record Ports(int ingest, int enrich, int store) {
        public static final Ports DEFAULTS = new Ports(8081, 8082, 8083);
    }

    /**
     * The HTTP port of every instance, per service; instance {@code i} (from 1) of a service is named
     * {@link #name(String, int)}.
     */
    public record Instances(List<Integer> ingest, List<Integer> enrich, List<Integer> store) {

        /** Instance {@code i} of a service listens on the service's port + {@value #STRIDE} × (i − 1). */
        public static final int STRIDE = 3;

        public Instances {
            ingest = List.copyOf(ingest);
            enrich = List.copyOf(enrich);
            store = List.copyOf(store);
            if (ingest.isEmpty() || enrich.isEmpty() || store.isEmpty()) {
                throw new IllegalArgumentException("every service needs at least one instance: " + ingest + " "
                        + enrich + " " + store);
            }
        }

        /** One instance of each. */
        public static Instances one(Ports ports) {
            return new Instances(List.of(ports.ingest()), List.of(ports.enrich()), List.of(ports.store()));
        }

        /**
         * {@code n} instances of each service from its port on, {@value #STRIDE} apart: with the default ports
         * 8081-8083 the instances take consecutive ports, ingest, enrich, store, ingest-2, enrich-2, store-2, …
         * (8081 to 8080 + 3n).
         */
        public static Instances consecutive(Ports first, int ingestCount, int enrichCount, int storeCount) {
            return new Instances(spaced(first.ingest(), ingestCount), spaced(first.enrich(), enrichCount),
                    spaced(first.store(), storeCount));
        }

        private static List<Integer> spaced(int first, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one instance per service, was " + count);
            }
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int port = first + STRIDE * i;
                if (port > 65_535) {
                    throw new IllegalArgumentException("instance " + (i + 1) + " would need port " + port);
                }
                ports.add(port);
            }
            return ports;
        }

        public List<Integer> of(String service) {
            return switch (service) {
                case INGEST -> ingest;
                case ENRICH -> enrich;
                case STORE -> store;
                default -> throw new IllegalArgumentException("no service " + service);
            };
        }

        /** Every port, for collision checks. */
        public List<Integer> all() {
            List<Integer> all = new ArrayList<>(ingest);
            all.addAll(enrich);
            all.addAll(store);
            return all;
        }
    }

    private final Map<String, List<ServiceProcess>> byService;
    private final List<ServiceProcess> services;
    private final String apiKey;

    private LocalPipeline(Map<String, List<ServiceProcess>> byService, List<ServiceProcess> services,
                          String apiKey) {
        this.byService = byService;
        this.services = services;
        this.apiKey = apiKey;
    }

    /** Instance {@code i} (from 1) of a service: the service's name, then {@code -2}, {@code -3}, … */
    public static String name(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    /** One instance of each service; see {@link #start(RepoLayout, String, Instances, Path, Map, Duration)}. */
    public static LocalPipeline start(RepoLayout layout, String bootstrapServers, Ports ports, Path workDir,
                                      Map<String, String> extraEnv, Duration healthTimeout) {
        return start(layout, bootstrapServers, Instances.one(ports), workDir, extraEnv, healthTimeout);
    }

    /**
     * Starts every instance at once (they start faster side by side) and waits until each is healthy. With more
     * than one store instance each store advertises {@code localhost:<its port>} as its
     * {@code application.server}, so that any store answers for the whole data set (docs/store.md, "Several
     * instances"); they share the cluster secret of {@code <work dir>/auth/}.
     *
     * @param workDir holds {@code state/<instance>/} and {@code logs/<instance>.log}
     */
    public static LocalPipeline start(RepoLayout layout, String bootstrapServers, Instances instances,
                                      Path workDir, Map<String, String> extraEnv, Duration healthTimeout) {
        List<ServiceProcess> started = new ArrayList<>();
        Map<String, List<ServiceProcess>> byService = new HashMap<>();
        ApiKeyFile keys = ApiKeyFile.in(workDir);
        Map<String, String> env = new HashMap<>(keys.serviceEnv());
        env.putAll(extraEnv);
        LocalPipeline pipeline = new LocalPipeline(byService, started, keys.requireOperatorKey());
        try {
            for (String service : SERVICES) {
                List<Integer> ports = instances.of(service);
                List<ServiceProcess> those = new ArrayList<>();
                for (int i = 1; i <= ports.size(); i++) {
                    int port = ports.get(i - 1);
                    String name = name(service, i);
                    Map<String, String> instanceEnv = new HashMap<>(env);
                    if (service.equals(STORE) && ports.size() > 1) {
                        instanceEnv.put("KAFKA_STREAMS_DEFAULT_APPLICATION_SERVER", "localhost:" + port);
                    }
                    ServiceProcess process = ServiceProcess.start(name, layout.serviceJar(service),
                            bootstrapServers, port, workDir.resolve("state").resolve(name),
                            workDir.resolve("logs").resolve(name + ".log"), instanceEnv);
                    started.add(process);
                    those.add(process);
                }
                byService.put(service, List.copyOf(those));
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

    /** The first ingest instance. */
    public ServiceProcess ingest() {
        return instances(INGEST).get(0);
    }

    /** The first enrich instance. */
    public ServiceProcess enrich() {
        return instances(ENRICH).get(0);
    }

    /** The first store instance. */
    public ServiceProcess store() {
        return instances(STORE).get(0);
    }

    /** Every instance of one service, the first first. */
    public List<ServiceProcess> instances(String service) {
        List<ServiceProcess> those = byService.get(service);
        if (those == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return those;
    }

    /** Every instance of every service, in start order. */
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
