package io.modeltrust.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml read with SnakeYAML (which resolves the {@code <<: *anchor} merges compose uses). */
final class Compose {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");

    final Map<String, Object> root;

    private Compose(Map<String, Object> root) {
        this.root = root;
    }

    static Compose load() {
        return new Compose(new Yaml().load(Platform.read("docker-compose.yml")));
    }

    Map<String, Object> services() {
        return map(root, "services");
    }

    Map<String, Object> service(String name) {
        return map(services(), name);
    }

    /** A service's environment with compose's interpolation done as with an empty shell environment. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
        } else if (raw instanceof List<?> l) {
            for (Object entry : l) {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            }
        }
        return env;
    }

    /** {@code ${VAR:-default}} becomes its default, {@code ${VAR}} empty, {@code $$} a single {@code $}. */
    static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value.replace("$$", "\u0000"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().replace('\u0000', '$');
    }

    /** The container side of each {@code ports} entry ("host:container", "container", with optional /proto). */
    static List<Integer> containerPorts(Map<String, Object> service) {
        List<Integer> ports = new ArrayList<>();
        for (Object entry : list(service, "ports")) {
            String spec = interpolate(String.valueOf(entry)).replaceAll("/(tcp|udp)$", "");
            ports.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    /** The health-check command as one string. */
    static String healthcheck(Map<String, Object> service) {
        Object test = map(service, "healthcheck").get("test");
        if (test instanceof List<?> l) {
            return String.join(" ", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(test);
    }

    /** depends_on as service -> condition (the short list form means service_started). */
    static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> out = new LinkedHashMap<>();
        Object raw = service.get("depends_on");
        if (raw instanceof List<?> l) {
            l.forEach(s -> out.put(String.valueOf(s), "service_started"));
        } else if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k),
                    v instanceof Map<?, ?> c ? String.valueOf(c.get("condition")) : "service_started"));
        }
        return out;
    }

    /** The names of the services that run a given image repository (e.g. "postgres", "apache/kafka"). */
    List<String> servicesWithImage(String repository) {
        return services().entrySet().stream()
                .filter(e -> String.valueOf(map(services(), e.getKey()).get("image")).startsWith(repository + ":"))
                .map(Map.Entry::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping at '" + key + "', found " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List<?> l ? l : List.of();
    }
}
