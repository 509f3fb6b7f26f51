package io.modeltrust.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's application.properties as the deployment sees it: the values without profile, their defaults
 * (the {@code :default} of {@code ${VAR:default}}) and the environment variables that override them.
 */
final class ServiceConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");
    private static final Pattern KAFKA_CLIENT_SECURITY = Pattern.compile("KAFKA_(SSL|SASL)_[A-Z0-9_]+");

    /** A Kafka channel of SmallRye Reactive Messaging. */
    record Channel(String name, String topic, String groupId) {
    }

    final String service;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> referencedEnv = new LinkedHashSet<>();

    private ServiceConfig(String service, String text) {
        this.service = service;
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                values.put(key, p.getProperty(key));
                Matcher m = EXPRESSION.matcher(p.getProperty(key));
                while (m.find()) {
                    referencedEnv.add(m.group(1));
                }
            }
        }
    }

    static ServiceConfig load(String service) {
        return new ServiceConfig(service, Platform.read(service + "/src/main/resources/application.properties"));
    }

    static ServiceConfig parse(String service, String text) {
        return new ServiceConfig(service, text);
    }

    Optional<String> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value with every {@code ${VAR:default}} replaced by its default: what runs when no env is set. */
    Optional<String> value(String key) {
        return raw(key).map(v -> {
            Matcher m = EXPRESSION.matcher(v);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = m.group(2) != null ? m.group(2) : value(m.group(1)).orElseThrow(
                        () -> new AssertionError(service + ": " + key + " refers to ${" + m.group(1) + "} without default"));
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        });
    }

    String require(String key) {
        return value(key).orElseThrow(() -> new AssertionError(service + ": application.properties has no " + key));
    }

    /** The variable of a value written {@code ${VAR:default}}. */
    Optional<String> overridingEnv(String key) {
        return raw(key).map(EXPRESSION::matcher).filter(Matcher::matches).map(m -> m.group(1));
    }

    int httpPort() {
        return Integer.parseInt(require("quarkus.http.port"));
    }

    /**
     * Whether the service reads an environment variable: one that a value names ({@code ${VAR:...}}), the
     * env form of a configured key (SmallRye Config: upper case, every other character an underscore), or, in
     * a service with Kafka clients, a {@code KAFKA_SSL_*} / {@code KAFKA_SASL_*} variable: Quarkus hands every
     * {@code KAFKA_*} variable to the Kafka clients as a setting (docs/security.md).
     */
    boolean acceptsEnv(String name) {
        return referencedEnv.contains(name) || values.keySet().stream().anyMatch(k -> envName(k).equals(name))
                || values.containsKey("kafka.bootstrap.servers") && KAFKA_CLIENT_SECURITY.matcher(name).matches();
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The incoming channels that carry the service's work, which scaling follows: every one but monitoring.control,
     * whose rare deletion events every replica group reads beside its work.
     */
    List<Channel> workChannels() {
        return incomingKafkaChannels().stream().filter(c -> !c.topic().equals("monitoring.control")).toList();
    }

    List<Channel> incomingKafkaChannels() {
        String prefix = "mp.messaging.incoming.";
        return values.keySet().stream()
                .filter(k -> k.startsWith(prefix) && k.endsWith(".connector") && "smallrye-kafka".equals(values.get(k)))
                .map(k -> k.substring(prefix.length(), k.length() - ".connector".length()))
                .map(ch -> new Channel(ch, value(prefix + ch + ".topic").orElse(ch),
                        value(prefix + ch + ".group.id").orElse(require("quarkus.application.name"))))
                .toList();
    }

    /** Every topic the service names: channel topics, dead-letter topics and its own {@code *-topic} settings. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        for (String key : values.keySet()) {
            if (key.endsWith(".topic") || key.endsWith("-topic")) {
                topics.add(require(key));
            }
        }
        return topics;
    }

    /** Every configured {@code max.partition.fetch.bytes} of an incoming channel. */
    Map<String, Long> maxPartitionFetchBytes() {
        Map<String, Long> out = new LinkedHashMap<>();
        values.keySet().stream().filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".max.partition.fetch.bytes"))
                .forEach(k -> out.put(k, Long.parseLong(require(k))));
        return out;
    }
}
