package io.modeltrust.deploy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests under deploy/kubernetes read into Fabric8 model classes (kinds Fabric8 does not know, such as
 * KEDA's ScaledObject, become {@link GenericKubernetesResource}), and the kustomization files as plain YAML.
 */
final class Manifests {

    static final String DIR = "deploy/kubernetes";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every resource of every manifest file under a directory of deploy/kubernetes (kustomization files aside). */
    static List<HasMetadata> under(String dir) {
        try (Stream<Path> files = Files.walk(Platform.path(DIR + "/" + dir))) {
            return files.filter(Manifests::isManifest).sorted().flatMap(f -> load(f).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith("kustomization.");
    }

    static List<HasMetadata> load(Path file) {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<KubernetesResource> it = YAML.readerFor(KubernetesResource.class)
                .readValues(YAML.getFactory().createParser(file.toFile()))) {
            while (it.hasNextValue()) {
                KubernetesResource r = it.nextValue();
                if (r instanceof HasMetadata h) {
                    resources.add(h);
                } else if (r != null) {
                    throw new AssertionError(file + ": not a Kubernetes object: " + r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return resources;
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> ofKind(List<HasMetadata> resources, String kind) {
        return resources.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    static <T extends HasMetadata> T named(List<T> resources, String name) {
        return resources.stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among " + resources.stream()
                        .map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList()));
    }

    /** A kustomization.yaml of a directory under deploy/kubernetes, as a map. */
    static Map<String, Object> kustomization(String dir) {
        return new Yaml().load(Platform.read(DIR + "/" + dir + "/kustomization.yaml"));
    }

    @SuppressWarnings("unchecked")
    static List<Object> entries(Map<String, Object> kustomization, String field) {
        Object value = kustomization.get(field);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * Fields Fabric8 did not recognise (a misspelt or misplaced key) land in {@code additionalProperties}:
     * walks a typed object and names every such field. Custom resources are not checked.
     */
    static List<String> unknownFields(Object o, String path) {
        List<String> out = new ArrayList<>();
        walk(o, path, out);
        return out;
    }

    private static void walk(Object o, String path, List<String> out) {
        if (o == null || o instanceof GenericKubernetesResource) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, out));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, o);
            String property = getter.getName().substring(3);
            if (property.equals("AdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown " + extra.keySet());
                }
            } else {
                walk(value, path + "." + Character.toLowerCase(property.charAt(0)) + property.substring(1), out);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    /** A value inside a custom resource, by path of keys. */
    static Optional<Object> field(GenericKubernetesResource resource, Object... path) {
        return Optional.ofNullable(resource.get(path));
    }
}
