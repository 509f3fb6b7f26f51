package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The base manifests, read with the Fabric8 model, against each service's application.properties. */
class KubernetesManifestTest {

    static final List<HasMetadata> BASE = Manifests.under("base");
    private static final Set<String> KINDS = Set.of("Namespace", "ConfigMap", "Secret", "Deployment", "Service",
            "PodDisruptionBudget", "HorizontalPodAutoscaler", "ScaledObject");

    static Stream<Platform.Service> services() {
        return Platform.SERVICES.stream();
    }

    @Test
    void everyManifestHasAKnownKindAndOnlyKnownFields() {
        List<HasMetadata> all = Manifests.under("");
        assertFalse(all.isEmpty());
        for (HasMetadata r : all) {
            String id = r.getKind() + "/" + r.getMetadata().getName();
            assertTrue(KINDS.contains(r.getKind()), "unexpected kind " + id);
            assertEquals(List.of(), Manifests.unknownFields(r, id));
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentAgreesWithTheServiceConfiguration(Platform.Service service) {
        Deployment d = Manifests.named(Manifests.ofKind(BASE, Deployment.class), service.name());
        assertEquals(List.of(), problems(service, d));
    }

    @Test
    void aBrokenPortOrProbeIsCaught() {
        Platform.Service drift = Platform.service("drift-service");
        Deployment d = Manifests.named(Manifests.ofKind(BASE, Deployment.class), drift.name());
        Deployment wrongPort = new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
                .editFirstPort().withContainerPort(9999).endPort().endContainer().endSpec().endTemplate().endSpec().build();
        assertFalse(problems(drift, wrongPort).isEmpty(), "a container port off the service's port passed");

        Deployment wrongProbe = new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
                .editReadinessProbe().editHttpGet().withPath("/q/health/live").endHttpGet().endReadinessProbe()
                .endContainer().endSpec().endTemplate().endSpec().build();
        assertFalse(problems(drift, wrongProbe).isEmpty(), "a readiness probe off /q/health/ready passed");

        Deployment unknownEnv = new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
                .addNewEnv().withName("KAFKA_SERVERS").withValue("x:9092").endEnv()
                .endContainer().endSpec().endTemplate().endSpec().build();
        assertFalse(problems(drift, unknownEnv).isEmpty(), "an env var no service reads passed");
    }

    /** Everything wrong about one service's Deployment; empty when it agrees with the service's configuration. */
    static List<String> problems(Platform.Service service, Deployment d) {
        List<String> problems = new ArrayList<>();
        ServiceConfig config = service.config();
        String name = service.name();
        int port = config.httpPort();
        Container c = Pods.container(d);

        if (!name.equals(c.getName()) || !c.getImage().matches("(.*/)?modeltrust/" + name + ":.+")) {
            problems.add(name + ": container " + c.getName() + " runs " + c.getImage() + ", not modeltrust/" + name);
        }
        if (c.getPorts().stream().noneMatch(p -> p.getContainerPort() == port && "http".equals(p.getName()))) {
            problems.add(name + ": no container port 'http' = " + port + " (quarkus.http.port)");
        }
        Pods.envValue(c, "QUARKUS_HTTP_PORT").filter(v -> !v.equals("" + port))
                .ifPresent(v -> problems.add(name + ": QUARKUS_HTTP_PORT=" + v + " but the container port is " + port));
        probe(name, "readiness", c.getReadinessProbe(), "/q/health/ready", c, port, problems);
        probe(name, "liveness", c.getLivenessProbe(), "/q/health/live", c, port, problems);
        if (c.getStartupProbe() != null) {
            probe(name, "startup", c.getStartupProbe(), "/q/health/live", c, port, problems);
        }
        Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
        if (!("" + port).equals(annotations.get("prometheus.io/port")) || !"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            problems.add(name + ": prometheus.io annotations do not point at :" + port + "/q/metrics");
        }

        // The shared ConfigMap goes to every service whole (each key is checked to be read by some service in
        // sharedConfigurationAgreesWithTheServicesAndTheTopics); what is the service's own must be read by it.
        Map<String, String> env = Pods.environment(c, BASE);
        List<String> own = new ArrayList<>(c.getEnv().stream().map(EnvVar::getName).toList());
        c.getEnvFrom().stream().filter(f -> f.getSecretRef() != null).forEach(f -> own.addAll(Pods.secretKeys(
                Manifests.named(Manifests.ofKind(BASE, Secret.class), f.getSecretRef().getName()))));
        for (String variable : own) {
            if (!config.acceptsEnv(variable) && !Platform.CONTAINER_ENV.contains(variable)) {
                problems.add(name + ": " + variable + " is read by nothing in application.properties");
            }
        }
        for (String required : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            if (!env.containsKey(required)) {
                problems.add(name + ": no " + required);
            }
        }
        for (EnvVar var : c.getEnv()) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                boolean found = Manifests.ofKind(BASE, Secret.class).stream()
                        .anyMatch(s -> s.getMetadata().getName().equals(ref.getName()) && Pods.secretKeys(s).contains(ref.getKey()));
                if (!found) {
                    problems.add(name + ": " + var.getName() + " refers to missing secret key " + ref.getName() + "/" + ref.getKey());
                }
            }
        }

        var rolling = d.getSpec().getStrategy().getRollingUpdate();
        if (rolling == null || rolling.getMaxUnavailable().getIntVal() != 0 || rolling.getMaxSurge().getIntVal() != 1) {
            problems.add(name + ": rolling update is not maxUnavailable 0 / maxSurge 1");
        }
        var limit = Pods.memoryLimit(c);
        if (limit.isEmpty() || Pods.bytes(limit.get()) != Platform.bytes(service.memoryLimit())) {
            problems.add(name + ": memory limit " + limit.orElse(null) + " is not " + service.memoryLimit());
        } else {
            long heap = Platform.heapOf(Pods.envValue(c, "JAVA_OPTS").orElse(""));
            if (heap != Platform.bytes(service.heap()) || heap > Platform.MAX_HEAP_SHARE * Pods.bytes(limit.get())) {
                problems.add(name + ": -Xmx " + heap + " is not " + service.heap() + " or does not fit " + service.memoryLimit());
            }
        }
        if (c.getResources().getRequests() == null || !c.getResources().getRequests().containsKey("cpu")
                || !c.getResources().getLimits().containsKey("cpu")) {
            problems.add(name + ": no CPU request and limit");
        }
        if (!Boolean.TRUE.equals(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())) {
            problems.add(name + ": pod does not require a non-root user");
        }
        if (!d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(d.getSpec().getSelector().getMatchLabels().entrySet())) {
            problems.add(name + ": the selector does not match the pod template's labels");
        }
        return problems;
    }

    private static void probe(String name, String kind, Probe probe, String path, Container c, int port, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(name + ": no HTTP " + kind + " probe");
        } else if (!path.equals(probe.getHttpGet().getPath()) || !Pods.resolve(probe.getHttpGet().getPort(), c).equals(Optional.of(port))) {
            problems.add(name + ": " + kind + " probe is not GET " + path + " on port " + port);
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceAndDisruptionBudgetSelectTheDeploymentsPods(Platform.Service service) {
        Deployment d = Manifests.named(Manifests.ofKind(BASE, Deployment.class), service.name());
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        int port = service.config().httpPort();

        Service svc = Manifests.named(Manifests.ofKind(BASE, Service.class), service.name());
        assertTrue(podLabels.entrySet().containsAll(svc.getSpec().getSelector().entrySet()), "Service selects other pods");
        assertEquals(1, svc.getSpec().getPorts().size());
        var servicePort = svc.getSpec().getPorts().get(0);
        assertEquals(port, servicePort.getPort(), "Service port differs from the service's own port");
        assertEquals(Optional.of(port), Pods.resolve(servicePort.getTargetPort(), Pods.container(d)), "targetPort");

        PodDisruptionBudget pdb = Manifests.named(Manifests.ofKind(BASE, PodDisruptionBudget.class), service.name());
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), "PDB selects other pods");
        assertTrue(pdb.getSpec().getMaxUnavailable() != null || pdb.getSpec().getMinAvailable() != null, "PDB without a bound");
    }

    @Test
    void sharedConfigurationAgreesWithTheServicesAndTheTopics() {
        ConfigMap cm = Manifests.named(Manifests.ofKind(BASE, ConfigMap.class), "modeltrust-config");
        Map<String, String> data = cm.getData();
        Set<String> topics = Platform.localTopics().keySet();
        for (Map.Entry<String, String> e : data.entrySet()) {
            boolean read = false;
            for (Platform.Service s : Platform.SERVICES) {
                ServiceConfig config = s.config();
                read |= config.acceptsEnv(e.getKey());
                // A topic override must name a topic that exists, and the one the service uses without it.
                if (e.getKey().endsWith("_TOPIC") && config.acceptsEnv(e.getKey())) {
                    assertTrue(topics.contains(e.getValue()), e.getKey() + "=" + e.getValue() + " is not a created topic");
                    assertTrue(config.topics().contains(e.getValue()), s.name() + " uses another topic than " + e.getValue());
                }
            }
            assertTrue(read, "modeltrust-config's " + e.getKey() + " is read by no service");
        }
        Matcher url = Pattern.compile("jdbc:postgresql://[^/]+/([^?]+).*").matcher(data.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(url.matches(), "not a PostgreSQL JDBC URL");
        for (Platform.Service s : Platform.SERVICES) {
            assertTrue(s.config().require("quarkus.datasource.jdbc.url").endsWith("/" + url.group(1)),
                    s.name() + " uses another database than " + url.group(1));
        }
        for (Secret secret : Manifests.ofKind(BASE, Secret.class)) {
            for (String key : Pods.secretKeys(secret)) {
                assertTrue(Platform.SERVICES.stream().anyMatch(s -> s.config().acceptsEnv(key)),
                        "secret key " + key + " is read by no service");
            }
        }
    }
}
