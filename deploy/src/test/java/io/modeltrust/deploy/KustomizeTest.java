package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The kustomize structure, without kustomize: every referenced file exists and every manifest is referenced,
 * each overlay picks exactly one autoscaler per consumer, and its patches, images and replicas name what the
 * base has.
 */
class KustomizeTest {

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(Platform.path(Manifests.DIR + "/overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> "overlays/" + d.getFileName()).toList().stream();
        }
    }

    @Test
    void baseAndComponentsListEveryManifestTheyHold() throws IOException {
        for (String dir : List.of("base", "components/keda", "components/cpu-hpa")) {
            Map<String, Object> k = Manifests.kustomization(dir);
            assertEquals(dir.startsWith("components") ? "Component" : "Kustomization", k.get("kind"), dir);
            Set<String> listed = Manifests.entries(k, "resources").stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            Set<String> files;
            try (Stream<Path> s = Files.list(Platform.path(Manifests.DIR + "/" + dir))) {
                files = s.filter(Manifests::isManifest).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(files, listed, dir + ": resources and manifest files differ");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayReferencesExistAndItsNamespaceIsTheBases(String overlay) {
        Map<String, Object> k = Manifests.kustomization(overlay);
        Path dir = Platform.path(Manifests.DIR + "/" + overlay);
        for (String field : List.of("resources", "components")) {
            for (Object ref : Manifests.entries(k, field)) {
                Path target = dir.resolve(String.valueOf(ref)).normalize();
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        overlay + ": " + field + " entry " + ref + " does not exist");
            }
        }
        // What components add is namespaced by the overlay, not by the base.
        assertEquals(Manifests.kustomization("base").get("namespace"), k.get("namespace"), overlay + ": namespace");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayGivesEachConsumerExactlyOneAutoscaler(String overlay) {
        List<HasMetadata> resources = resources(overlay);
        Map<String, List<String>> scalers = new HashMap<>();
        for (HorizontalPodAutoscaler hpa : Manifests.ofKind(resources, HorizontalPodAutoscaler.class)) {
            scalers.computeIfAbsent(hpa.getSpec().getScaleTargetRef().getName(), n -> new ArrayList<>()).add("HPA " + hpa.getMetadata().getName());
        }
        for (GenericKubernetesResource so : Manifests.ofKind(resources, "ScaledObject")) {
            scalers.computeIfAbsent(String.valueOf(((Map<?, ?>) AutoscalingTest.spec(so).get("scaleTargetRef")).get("name")),
                    n -> new ArrayList<>()).add("ScaledObject " + so.getMetadata().getName());
        }
        Set<String> deployments = Manifests.ofKind(resources, Deployment.class).stream().map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet());
        scalers.forEach((target, by) -> {
            assertTrue(deployments.contains(target), overlay + ": " + by + " scale missing Deployment " + target);
            assertEquals(1, by.size(), overlay + ": " + target + " has competing autoscalers " + by);
        });
        for (Platform.Service s : Platform.SERVICES) {
            assertTrue(scalers.containsKey(s.name()), overlay + ": " + s.name() + " has no autoscaler");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayPatchesImagesAndReplicasNameWhatTheBaseHas(String overlay) {
        Map<String, Object> k = Manifests.kustomization(overlay);
        List<HasMetadata> resources = resources(overlay);
        Set<String> known = resources.stream().map(KustomizeTest::id).collect(Collectors.toSet());
        Path dir = Platform.path(Manifests.DIR + "/" + overlay);
        for (Object entry : Manifests.entries(k, "patches")) {
            Map<?, ?> patch = (Map<?, ?>) entry;
            List<Map<String, Object>> targets = new ArrayList<>();
            if (patch.get("path") != null) {
                Manifests.load(dir.resolve(String.valueOf(patch.get("path")))).forEach(r -> targets.add(Map.of("kind", r.getKind(),
                        "metadata", Map.of("name", r.getMetadata().getName()))));
            } else {
                new Yaml().loadAll(String.valueOf(patch.get("patch"))).forEach(o -> targets.add(asMap(o)));
            }
            for (Map<String, Object> t : targets) {
                String id = t.get("kind") + "/" + ((Map<?, ?>) t.get("metadata")).get("name");
                assertTrue(known.contains(id), overlay + ": a patch targets " + id + ", which the overlay does not have");
            }
        }
        Set<String> images = Manifests.ofKind(resources, Deployment.class).stream().map(Pods::container)
                .map(c -> c.getImage().replaceFirst(":[^:/]+$", "")).collect(Collectors.toSet());
        for (Object image : Manifests.entries(k, "images")) {
            assertTrue(images.contains(String.valueOf(((Map<?, ?>) image).get("name"))), overlay + ": image " + image + " is used by nothing");
        }
        for (Object replicas : Manifests.entries(k, "replicas")) {
            assertTrue(known.contains("Deployment/" + ((Map<?, ?>) replicas).get("name")), overlay + ": replicas for " + replicas);
        }
    }

    @Test
    void productionPodsStayWithinTheirLimitsAndKeepTwoReplicas() {
        Map<String, Object> k = Manifests.kustomization("overlays/production");
        for (Object replicas : Manifests.entries(k, "replicas")) {
            assertTrue(((Number) ((Map<?, ?>) replicas).get("count")).intValue() >= 2, "production replicas " + replicas);
        }
        List<HasMetadata> patches = Manifests.under("overlays/production");
        for (Deployment d : Manifests.ofKind(patches, Deployment.class)) {
            Container c = Pods.container(d);
            long limit = Pods.bytes(Pods.memoryLimit(c).orElseThrow(() -> new AssertionError(d.getMetadata().getName() + ": no memory limit")));
            long heap = Platform.heapOf(Pods.envValue(c, "JAVA_OPTS").orElseThrow());
            assertTrue(heap <= Platform.MAX_HEAP_SHARE * limit, d.getMetadata().getName() + ": -Xmx does not fit the production limit");
        }
        for (HorizontalPodAutoscaler hpa : Manifests.ofKind(patches, HorizontalPodAutoscaler.class)) {
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, hpa.getMetadata().getName() + " minReplicas");
        }
        for (GenericKubernetesResource so : Manifests.ofKind(patches, "ScaledObject")) {
            assertTrue(((Number) AutoscalingTest.spec(so).get("minReplicaCount")).intValue() >= 2, so.getMetadata().getName() + " min");
        }
    }

    /** The resources an overlay's kustomization gathers from its resources and components (patches not applied). */
    static List<HasMetadata> resources(String overlay) {
        Map<String, Object> k = Manifests.kustomization(overlay);
        List<HasMetadata> out = new ArrayList<>();
        Path base = Platform.path(Manifests.DIR);
        for (String field : List.of("resources", "components")) {
            for (Object ref : Manifests.entries(k, field)) {
                Path target = base.resolve(overlay).resolve(String.valueOf(ref)).normalize();
                if (Files.isDirectory(target)) {
                    String dir = base.relativize(target).toString().replace('\\', '/');
                    Manifests.entries(Manifests.kustomization(dir), "resources")
                            .forEach(f -> out.addAll(Manifests.load(target.resolve(String.valueOf(f)))));
                } else {
                    out.addAll(Manifests.load(target));
                }
            }
        }
        return out;
    }

    private static String id(HasMetadata r) {
        return r.getKind() + "/" + r.getMetadata().getName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (!(o instanceof Map)) {
            throw new UncheckedIOException(new IOException("an inline patch is not a mapping: " + o));
        }
        return (Map<String, Object>) o;
    }
}
