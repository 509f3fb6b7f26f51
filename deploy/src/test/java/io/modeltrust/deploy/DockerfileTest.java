package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Dockerfile.jvm: fast-jar layout, non-root, the service's port, a bounded heap. */
class DockerfileTest {

    static Stream<Platform.Service> services() {
        return Platform.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void imageRunsTheFastJarAsNonRootOnTheServicePort(Platform.Service service) {
        Dockerfile d = Dockerfile.of(service.name());
        assertTrue(d.from().matches("eclipse-temurin:17(\\.[0-9.+_]+)?-jre.*|registry\\.access\\.redhat\\.com/ubi\\d+/openjdk-17-runtime.*"),
                "base image is not a Java 17 runtime: " + d.from());
        assertNotNull(d.user(), "no USER: the image would run as root");
        assertTrue(!d.user().matches("0|root|0:0|root:root"), "runs as root: " + d.user());
        assertEquals(List.of(service.config().httpPort()), d.exposed(), "EXPOSE differs from quarkus.http.port's default");

        for (String dir : List.of("lib/", "app/", "quarkus/")) {
            assertTrue(d.copies().stream().anyMatch(c -> c.contains("target/quarkus-app/" + dir)),
                    "the fast-jar's " + dir + " is not copied");
        }
        assertTrue(d.copies().stream().anyMatch(c -> c.contains("target/quarkus-app/*.jar")), "quarkus-run.jar is not copied");
        assertTrue(d.entrypoint() != null && d.entrypoint().contains("quarkus-run.jar") && d.entrypoint().contains("$JAVA_OPTS")
                && d.entrypoint().contains("exec java"), "ENTRYPOINT must exec java $JAVA_OPTS -jar quarkus-run.jar");

        String javaOpts = d.env().get("JAVA_OPTS");
        assertNotNull(javaOpts, "no default JAVA_OPTS");
        assertEquals(Platform.bytes(service.heap()), Platform.heapOf(javaOpts), "default heap");
        assertTrue(Platform.heapOf(javaOpts) <= Platform.MAX_HEAP_SHARE * Platform.bytes(service.memoryLimit()),
                "default heap does not fit the memory limit " + service.memoryLimit());
    }
}
