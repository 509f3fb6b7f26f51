package io.modeltrust.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a Deployment's container sees: its ports and its environment, envFrom sources expanded. */
final class Pods {

    private Pods() {
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + ": expected one container, found " + containers.size());
        }
        return containers.get(0);
    }

    /** The container port a probe, Service targetPort or annotation refers to (by number or by name). */
    static Optional<Integer> resolve(IntOrString port, Container container) {
        if (port == null) {
            return Optional.empty();
        }
        if (port.getIntVal() != null) {
            return container.getPorts().stream().map(p -> p.getContainerPort()).filter(port.getIntVal()::equals).findFirst();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(p -> p.getContainerPort()).findFirst();
    }

    /**
     * Every variable the container gets, name to value ({@code null} for values from a secret key reference).
     * envFrom sources are looked up among the given resources; a missing one is an error.
     */
    static Map<String, String> environment(Container container, List<HasMetadata> resources) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap cm = Manifests.named(Manifests.ofKind(resources, ConfigMap.class), source.getConfigMapRef().getName());
                env.putAll(cm.getData());
            }
            if (source.getSecretRef() != null) {
                secretKeys(Manifests.named(Manifests.ofKind(resources, Secret.class), source.getSecretRef().getName()))
                        .forEach(k -> env.put(k, null));
            }
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    static List<String> secretKeys(Secret secret) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (secret.getData() != null) {
            keys.putAll(secret.getData());
        }
        if (secret.getStringData() != null) {
            keys.putAll(secret.getStringData());
        }
        return List.copyOf(keys.keySet());
    }

    static Optional<String> envValue(Container container, String name) {
        return container.getEnv().stream().filter(v -> name.equals(v.getName())).map(EnvVar::getValue).findFirst();
    }

    static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValueExact();
    }

    static Optional<Quantity> memoryLimit(Container container) {
        return Optional.ofNullable(container.getResources()).map(r -> r.getLimits()).map(l -> l.get("memory"));
    }
}
