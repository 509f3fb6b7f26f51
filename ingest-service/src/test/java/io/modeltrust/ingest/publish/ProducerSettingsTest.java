package io.modeltrust.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void theGlobalSecuritySettingsReachTheProducer() {
        Map<String, Object> global = new HashMap<>();
        global.put("bootstrap.servers", "kafka:9094");
        global.put("security.protocol", "SSL");
        global.put("ssl.truststore.location", "/etc/tls/truststore.p12");
        global.put("ssl.truststore.type", "PKCS12");
        global.put("ssl.truststore.password", "secret");
        global.put("ssl.endpoint.identification.algorithm", "https");

        Properties props = ProducerSettings.of(global, Map.of("acks", "all"));

        assertEquals("kafka:9094", props.get("bootstrap.servers"));
        assertEquals("SSL", props.get("security.protocol"));
        assertEquals("/etc/tls/truststore.p12", props.get("ssl.truststore.location"));
        assertEquals("PKCS12", props.get("ssl.truststore.type"));
        assertEquals("secret", props.get("ssl.truststore.password"));
        assertEquals("https", props.get("ssl.endpoint.identification.algorithm"));
        assertEquals("all", props.get("acks"));
    }

    @Test
    void keysNoProducerKnowsAreLeftOutAndEmptyValuesPassAsTheChannelsGetThem() {
        Map<String, Object> global = new HashMap<>();
        global.put("bootstrap.servers", "127.0.0.1:9092");
        global.put("ssl.endpoint.identification.algorithm", "");
        global.put("group.id", "ingest-service");
        global.put("port", "29092");
        global.put("tls.dir", "/tmp/tls");

        Properties props = ProducerSettings.of(global, Map.of());

        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092", "ssl.endpoint.identification.algorithm", ""),
                new HashMap<>(props));
        assertFalse(props.containsKey("group.id"));
    }

    @Test
    void thePublishersOwnSettingsWin() {
        Properties props = ProducerSettings.of(Map.of("bootstrap.servers", "b:9092", "acks", "1", "linger.ms", "50"),
                Map.of("acks", "all", "linger.ms", "2"));

        assertEquals("all", props.get("acks"));
        assertEquals("2", props.get("linger.ms"));
        assertEquals("b:9092", props.get("bootstrap.servers"));
    }
}
