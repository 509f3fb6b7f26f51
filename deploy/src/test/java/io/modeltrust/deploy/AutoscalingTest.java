package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KEDA ScaledObjects (components/keda) and their CPU fallback (components/cpu-hpa): each consumer scales on
 * its own consumer group and topic, up to the topic's partitions.
 */
class AutoscalingTest {

    private static final List<HasMetadata> KEDA = Manifests.under("components/keda");
    private static final List<HasMetadata> CPU = Manifests.under("components/cpu-hpa");

    static Stream<Platform.Service> consumers() {
        return Platform.SERVICES.stream().filter(Platform.Service::consumer);
    }

    @ParameterizedTest
    @MethodSource("consumers")
    void scaledObjectFollowsTheLagOfTheServicesOwnConsumerGroup(Platform.Service service) {
        GenericKubernetesResource so = Manifests.named(Manifests.ofKind(KEDA, "ScaledObject"), service.name());
        assertEquals(List.of(), problems(service, so));
    }

    @Test
    void aWrongConsumerGroupOrReplicaBoundIsCaught() {
        Platform.Service drift = Platform.service("drift-service");
        GenericKubernetesResource so = Manifests.named(Manifests.ofKind(KEDA, "ScaledObject"), drift.name());
        GenericKubernetesResource wrongGroup = copy(so);
        trigger(wrongGroup).put("consumerGroup", "drift");
        assertFalse(problems(drift, wrongGroup).isEmpty(), "a consumer group the service does not use passed");

        GenericKubernetesResource tooMany = copy(so);
        spec(tooMany).put("maxReplicaCount", 12);
        assertFalse(problems(drift, tooMany).isEmpty(), "more replicas than partitions passed");
    }

    static List<String> problems(Platform.Service service, GenericKubernetesResource so) {
        List<String> problems = new ArrayList<>();
        String name = service.name();
        Map<String, Object> spec = spec(so);
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) spec.get("scaleTargetRef");
        if (!name.equals(target.get("name")) || !"Deployment".equals(target.getOrDefault("kind", "Deployment"))) {
            problems.add(name + ": scales " + target + ", not Deployment " + name);
        }
        if (!"keda.sh/v1alpha1".equals(so.getApiVersion())) {
            problems.add(name + ": apiVersion " + so.getApiVersion());
        }
        String bootstrap = Manifests.named(Manifests.ofKind(KubernetesManifestTest.BASE, ConfigMap.class), "modeltrust-config")
                .getData().get("KAFKA_BOOTSTRAP_SERVERS");
        List<ServiceConfig.Channel> channels = service.config().workChannels();
        if (channels.size() != 1) {
            problems.add(name + ": expected one incoming Kafka channel, found " + channels);
            return problems;
        }
        ServiceConfig.Channel channel = channels.get(0);
        Map<String, Object> trigger = trigger(so);
        if (!channel.groupId().equals(trigger.get("consumerGroup")) || !channel.topic().equals(trigger.get("topic"))) {
            problems.add(name + ": trigger watches group " + trigger.get("consumerGroup") + " on " + trigger.get("topic")
                    + ", the service consumes " + channel.topic() + " as group " + channel.groupId());
        }
        if (!bootstrap.equals(trigger.get("bootstrapServers"))) {
            problems.add(name + ": trigger's bootstrapServers differ from modeltrust-config's " + bootstrap);
        }
        if (Integer.parseInt(String.valueOf(trigger.get("lagThreshold"))) <= 0) {
            problems.add(name + ": lagThreshold must be positive");
        }
        Integer partitions = Platform.localTopics().get(channel.topic());
        int max = ((Number) spec.get("maxReplicaCount")).intValue();
        int min = ((Number) spec.getOrDefault("minReplicaCount", 0)).intValue();
        if (partitions == null || max != partitions) {
            problems.add(name + ": maxReplicaCount " + max + " is not the " + partitions + " partitions of " + channel.topic());
        }
        if (min < 1 || min > max) {
            problems.add(name + ": minReplicaCount " + min + " (scaling to zero would leave delayed labels and results waiting)");
        }
        return problems;
    }

    @ParameterizedTest
    @MethodSource("consumers")
    void cpuFallbackHasTheSameBounds(Platform.Service service) {
        HorizontalPodAutoscaler hpa = Manifests.named(Manifests.ofKind(CPU, HorizontalPodAutoscaler.class), service.name());
        var target = hpa.getSpec().getScaleTargetRef();
        assertEquals("Deployment", target.getKind());
        assertEquals(service.name(), target.getName());
        String topic = service.config().workChannels().get(0).topic();
        assertEquals(Platform.localTopics().get(topic), hpa.getSpec().getMaxReplicas(), "maxReplicas = partitions of " + topic);
        assertTrue(hpa.getSpec().getMinReplicas() >= 1);
        assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null && "cpu".equals(m.getResource().getName())),
                "the fallback scales on CPU");
    }

    @Test
    void ingestScalesOnCpuInTheBaseAndHasNoScaledObject() {
        HorizontalPodAutoscaler hpa = Manifests.named(
                Manifests.ofKind(KubernetesManifestTest.BASE, HorizontalPodAutoscaler.class), "ingest-service");
        assertEquals("ingest-service", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(Manifests.ofKind(KEDA, "ScaledObject").stream().noneMatch(s -> s.getMetadata().getName().equals("ingest-service")));
        assertTrue(Manifests.ofKind(KubernetesManifestTest.BASE, "ScaledObject").isEmpty(),
                "ScaledObjects belong in components/keda, so that clusters without KEDA can apply the base");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource so) {
        return (Map<String, Object>) so.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> trigger(GenericKubernetesResource so) {
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) spec(so).get("triggers");
        if (triggers == null || triggers.size() != 1 || !"kafka".equals(triggers.get(0).get("type"))) {
            throw new AssertionError(so.getMetadata().getName() + ": expected one kafka trigger, found " + triggers);
        }
        return (Map<String, Object>) triggers.get(0).get("metadata");
    }

    /** A deep copy, by a round trip through YAML, that the mutation checks can change. */
    private static GenericKubernetesResource copy(GenericKubernetesResource so) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.readValue(mapper.writeValueAsString(so), GenericKubernetesResource.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
