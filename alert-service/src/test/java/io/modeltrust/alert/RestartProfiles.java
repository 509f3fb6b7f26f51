package io.modeltrust.alert;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The two lives of the service in the restart test, handed state through system properties (the
 * two Quarkus applications share the JVM, not their class loaders).
 */
public final class RestartProfiles {

    static final String MODEL = "modeltrust.test.restart.model";
    static final String RESULTS_FROM = "modeltrust.test.restart.results-from";
    static final String ALERTS_FROM = "modeltrust.test.restart.alerts-from";
    static final String BOOTSTRAP = "modeltrust.test.restart.bootstrap";

    private RestartProfiles() {
    }

    /** First life: alert events stay in the outbox, as if the process died between commit and publish. */
    public static class FirstLife implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alert.publish-alerts", "false");
        }
    }

    /** Second life: starts after the consumer group was rewound to where the first life began. */
    public static class SecondLife implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RewindGroup.class));
        }
    }

    /**
     * Before the second life starts, moves the group's committed offsets back to where the first life
     * started: every offset commit of the first life is lost, as in a crash.
     */
    public static class RewindGroup implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String from = System.getProperty(RESULTS_FROM);
            if (from == null) {
                return Map.of();
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (String entry : from.split(",")) {
                String[] pair = entry.split("=");
                offsets.put(new TopicPartition(ResultSender.TOPIC, Integer.parseInt(pair[0])),
                        new OffsetAndMetadata(Long.parseLong(pair[1])));
            }
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(BOOTSTRAP));
            try (Admin admin = Admin.create(props)) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (true) {
                    try {
                        // Succeeds once the first life's consumer has left the group.
                        admin.alterConsumerGroupOffsets("alert-service", offsets).all().get();
                        return Map.of();
                    } catch (Exception e) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new IllegalStateException("could not rewind the consumer group", e);
                        }
                        Thread.sleep(500);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    static String encode(Map<TopicPartition, Long> offsets) {
        StringBuilder sb = new StringBuilder();
        offsets.forEach((p, o) -> sb.append(sb.length() == 0 ? "" : ",").append(p.partition()).append('=').append(o));
        return sb.toString();
    }

    static Map<TopicPartition, Long> decode(String topic, String text) {
        Map<TopicPartition, Long> out = new HashMap<>();
        for (String entry : text.split(",")) {
            String[] pair = entry.split("=");
            out.put(new TopicPartition(topic, Integer.parseInt(pair[0])), Long.parseLong(pair[1]));
        }
        return out;
    }
}
