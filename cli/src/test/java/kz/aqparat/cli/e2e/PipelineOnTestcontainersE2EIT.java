package kz.aqparat.cli.e2e;

import kz.aqparat.testing.KafkaBroker;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link PipelineE2EIT} once more on the official apache/kafka image, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnTestcontainersE2EIT extends PipelineE2EIT {

    @Override
    protected KafkaBroker startBroker() {
        return KafkaBroker.container();
    }
}
