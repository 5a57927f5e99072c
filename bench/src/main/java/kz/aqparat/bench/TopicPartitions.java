package kz.aqparat.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.aqparat.cli.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;

final class TopicPartitions {

    private TopicPartitions() {
    }

    static int of(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(KafkaClientSettings.forClient(bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        }
    }
}
