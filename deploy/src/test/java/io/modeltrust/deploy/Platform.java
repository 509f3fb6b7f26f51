package io.modeltrust.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository on disk and what the deployment files are expected to say about each service. */
final class Platform {

    /**
     * A service and the sizing the deployment gives it. The port is not here: it comes from the service's
     * application.properties, which every deployment file is checked against.
     */
    record Service(String name, String portEnv, String role, String memoryLimit, String heap) {
        ServiceConfig config() {
            return ServiceConfig.load(name);
        }

        boolean consumer() {
            return !role.equals("ingest");
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("ingest-service", "INGEST_PORT", "ingest", "768Mi", "512m"),
            new Service("drift-service", "DRIFT_PORT", "metric", "1536Mi", "1g"),
            new Service("performance-service", "PERFORMANCE_PORT", "metric", "1536Mi", "1g"),
            new Service("fairness-service", "FAIRNESS_PORT", "metric", "1536Mi", "1g"),
            new Service("alert-service", "ALERT_PORT", "alert", "768Mi", "512m"));

    /** Env the containers get that no application.properties reads: the image's entrypoint reads JAVA_OPTS. */
    static final Set<String> CONTAINER_ENV = Set.of("JAVA_OPTS");

    /** The heap may take at most this share of the container memory limit (the rest: buffers, metaspace, stacks). */
    static final double MAX_HEAP_SHARE = 0.7;

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    private Platform() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }

    /** Topics and partition counts as deploy/local/lib.sh creates them: {@code for spec in topic:n ...; do}. */
    static Map<String, Integer> localTopics() {
        return topicSpecs(read("deploy/local/lib.sh"));
    }

    static Map<String, Integer> topicSpecs(String script) {
        Matcher m = Pattern.compile("for spec in ([^;]+);").matcher(script);
        if (!m.find()) {
            throw new AssertionError("no `for spec in topic:partitions ...;` loop in the script");
        }
        var topics = new java.util.LinkedHashMap<String, Integer>();
        for (String spec : m.group(1).trim().split("\\s+")) {
            String[] parts = spec.split(":");
            topics.put(parts[0], Integer.parseInt(parts[1]));
        }
        return topics;
    }

    /** The {@code max.message.bytes} a topic-creation script passes. */
    static long topicMaxMessageBytes(String script) {
        Matcher m = Pattern.compile("max\\.message\\.bytes=(\\d+)").matcher(script);
        if (!m.find()) {
            throw new AssertionError("the script sets no max.message.bytes");
        }
        return Long.parseLong(m.group(1));
    }

    /** Bytes of a JVM size ({@code 512m}, {@code 1g}) or a Kubernetes/compose quantity ({@code 768Mi}, {@code 1536m}). */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)\\s*([kKmMgG]i?)?[bB]?").matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: " + size);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1).toLowerCase();
        return switch (unit) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    /** The -Xmx of a JAVA_OPTS value, in bytes. */
    static long heapOf(String javaOpts) {
        Matcher m = Pattern.compile("-Xmx(\\S+)").matcher(javaOpts);
        if (!m.find()) {
            throw new AssertionError("no -Xmx in JAVA_OPTS: " + javaOpts);
        }
        return bytes(m.group(1));
    }
}
