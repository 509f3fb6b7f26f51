package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The TLS settings of docs/security.md: the same variables in every service, and off unless they are set. */
class TlsConfigTest {

    /** The variables docs/security.md documents, each read by every service. */
    static final List<String> TLS_ENV = List.of("HTTP_TLS_CERT", "HTTP_TLS_KEY", "HTTPS_PORT", "HTTP_INSECURE_REQUESTS",
            "KAFKA_SECURITY_PROTOCOL", "KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "KAFKA_SSL_KEYSTORE_LOCATION",
            "QUARKUS_DATASOURCE_JDBC_URL");

    static Stream<Platform.Service> services() {
        return Platform.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceReadsTheTlsVariables(Platform.Service service) {
        ServiceConfig config = service.config();
        for (String variable : TLS_ENV) {
            assertTrue(config.acceptsEnv(variable), service.name() + " does not read " + variable);
        }
        assertFalse(config.acceptsEnv("KAFKA_SERVERS"), "a KAFKA_ variable that is no client security setting passed");
    }

    @ParameterizedTest
    @MethodSource("services")
    void tlsIsOffByDefault(Platform.Service service) {
        ServiceConfig config = service.config();
        // An empty certificate list is no certificate: Quarkus opens no HTTPS port and plain HTTP stays.
        assertEquals("", config.require("quarkus.http.ssl.certificate.files"));
        assertEquals("", config.require("quarkus.http.ssl.certificate.key-files"));
        assertEquals("enabled", config.require("quarkus.http.insecure-requests"));
        assertEquals("PLAINTEXT", config.require("kafka.security.protocol"));
        assertFalse(config.require("quarkus.datasource.jdbc.url").contains("sslmode"));
        // Empty kafka.ssl.* values would reach Kafka as "" (a store at path ""): they are left to the variables.
        assertTrue(config.raw("kafka.ssl.truststore.location").isEmpty() && config.raw("kafka.ssl.keystore.location").isEmpty());
    }

    @Test
    void httpsPortsDifferFromEveryHttpPortAndFromEachOther() {
        Set<Integer> ports = new HashSet<>();
        for (Platform.Service s : Platform.SERVICES) {
            assertTrue(ports.add(s.config().httpPort()), "HTTP port used twice: " + s.config().httpPort());
        }
        for (Platform.Service s : Platform.SERVICES) {
            ServiceConfig config = s.config();
            assertEquals(Optional.of("HTTPS_PORT"), config.overridingEnv("quarkus.http.ssl-port"));
            int https = Integer.parseInt(config.require("quarkus.http.ssl-port"));
            assertTrue(ports.add(https), s.name() + ": HTTPS port " + https + " clashes with another port");
        }
    }

    @Test
    void securityDocumentNamesEveryVariable() {
        String doc = Platform.read("docs/security.md");
        for (String variable : TLS_ENV) {
            assertTrue(doc.contains(variable), "docs/security.md does not mention " + variable);
        }
        assertTrue(doc.contains("deploy/local/tls-check.sh"), "docs/security.md does not say how to run the TLS check");
    }
}
