package kz.aqparat.cli.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import kz.aqparat.cli.local.ApiKeyFile;
import kz.aqparat.contracts.Json;
import kz.aqparat.service.kafka.TopicRetention;
import kz.aqparat.service.kafka.TopicSettings;
import kz.aqparat.service.status.PipelineStatus;
import kz.aqparat.service.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"What the pipeline is doing, from Kafka and the services' /health: the broker, each topic "
                + "(partitions, replication, what it keeps, offsets), each consumer group's lag, freshness of "
                + "articles.store against articles.raw, dead letters of the last hour and day by stage, replays in "
                + "progress, and each service's health.",
                "Exit code 0 when everything answers, 1 when a service is down or unreachable, 3 when the broker "
                        + "cannot be reached."})
public final class StatusCommand implements Callable<Integer> {

    static final int SERVICE_DOWN = 1;
    static final int BROKER_UNREACHABLE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", defaultValue = "localhost:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka (default: ${DEFAULT-VALUE}, the broker of ./pipeline up); security settings from "
                    + "KAFKA_* variables")
    String bootstrap;

    @Option(names = "--ingest-url", defaultValue = "http://localhost:8081", description = "(default: ${DEFAULT-VALUE})")
    URI ingestUrl;

    @Option(names = "--enrich-url", defaultValue = "http://localhost:8082", description = "(default: ${DEFAULT-VALUE})")
    URI enrichUrl;

    @Option(names = "--store-url", defaultValue = "http://localhost:8083", description = "(default: ${DEFAULT-VALUE})")
    URI storeUrl;

    @Option(names = "--key", paramLabel = "KEY",
            description = "operator key for the services' health details (default: $AQPARAT_API_KEY, else the key "
                    + "of .pipeline/auth/keys)")
    String key;

    @Option(names = "--json", description = "write the figures as one JSON object instead of the table")
    boolean json;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "how long to wait for Kafka and each service (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Map<String, Object> client = new HashMap<>();
        KafkaClientSettings.forClient(bootstrap).forEach((k, v) -> client.put(k.toString(), v));
        StatusReport report;
        try (PipelineStatus status = new PipelineStatus(client, expectedTopics(System.getenv()), timeout)) {
            report = status.read();
        }
        String apiKey = ApiKeyFile.resolveInRepository(key).orElse(null);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        List<ServiceHealth> services = new ArrayList<>();
        services.add(ServiceHealth.check(http, "ingest-service", ingestUrl, apiKey, timeout));
        services.add(ServiceHealth.check(http, "enrich-service", enrichUrl, apiKey, timeout));
        services.add(ServiceHealth.check(http, "store-service", storeUrl, apiKey, timeout));

        if (json) {
            ObjectNode node = Json.mapper().valueToTree(report);
            node.set("services", Json.mapper().valueToTree(services));
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else {
            new StatusTable(out).print(report, services);
        }
        out.flush();
        if (!report.broker().reachable()) {
            return BROKER_UNREACHABLE;
        }
        return services.stream().allMatch(ServiceHealth::up) ? 0 : SERVICE_DOWN;
    }

    /** What the services expect, from the same variables they read (their defaults otherwise). */
    static TopicSettings expectedTopics(Map<String, String> env) {
        return new TopicSettings(
                Integer.parseInt(env.getOrDefault("AQPARAT_TOPIC_PARTITIONS",
                        Integer.toString(TopicSettings.DEFAULT_PARTITIONS))),
                Short.parseShort(env.getOrDefault("AQPARAT_TOPIC_REPLICATION", "1")),
                TopicRetention.parse(env.getOrDefault("AQPARAT_TOPIC_RAW_RETENTION",
                        TopicSettings.DEFAULT_RAW_RETENTION)),
                TopicRetention.parse(env.getOrDefault("AQPARAT_TOPIC_ENRICHED_RETENTION",
                        TopicSettings.DEFAULT_ENRICHED_RETENTION)),
                TopicRetention.parse(env.getOrDefault("AQPARAT_TOPIC_DLQ_RETENTION",
                        TopicSettings.DEFAULT_DLQ_RETENTION)),
                TopicRetention.parse(env.getOrDefault("AQPARAT_TOPIC_REPLAY_RETENTION",
                        TopicSettings.DEFAULT_REPLAY_RETENTION)));
    }
}
