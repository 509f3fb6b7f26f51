package io.modeltrust.ingest.publish;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer's client settings: the application's global Kafka configuration (every {@code kafka.*} key and
 * {@code KAFKA_*} variable, so {@code security.protocol} and the {@code ssl.*} trust and key stores reach this
 * producer exactly as they reach the messaging channels and the health check), overlaid with the settings the
 * batch protocol depends on.
 */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /**
     * @param global the {@code default-kafka-broker} map; keys a producer does not know (group.id, or what
     *               unrelated variables such as KAFKA_PORT turn into) are left out. Values pass unchanged, empty
     *               ones too, as the channels get them: an empty ssl.endpoint.identification.algorithm means
     *               "no host name check" to Kafka
     * @param own    the publisher's settings; they win over the global ones
     */
    public static Properties of(Map<String, ?> global, Map<String, String> own) {
        Properties props = new Properties();
        global.forEach((key, value) -> {
            if (value != null && ProducerConfig.configNames().contains(key)) {
                props.put(key, String.valueOf(value));
            }
        });
        props.putAll(own);
        return props;
    }
}
