package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml against each service's application.properties, its Dockerfile and deploy/local/lib.sh. */
class ComposeTest {

    private static final Compose COMPOSE = Compose.load();

    static Stream<Platform.Service> services() {
        return Platform.SERVICES.stream();
    }

    @Test
    void runsTheFiveServicesKafkaItsTopicInitAndPostgres() {
        for (String name : List.of("kafka", "kafka-init", "postgres")) {
            assertTrue(COMPOSE.services().containsKey(name), "no " + name + " service");
        }
        services().forEach(s -> assertTrue(COMPOSE.services().containsKey(s.name()), "no " + s.name() + " service"));
        assertEquals(List.of("postgres"), COMPOSE.servicesWithImage("postgres"));
        assertTrue(String.valueOf(COMPOSE.service("postgres").get("image")).matches("postgres:16(\\..*)?"),
                "PostgreSQL is not postgres:16");
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceAgreesWithItsConfiguration(Platform.Service service) {
        assertEquals(List.of(), problems(service, COMPOSE.service(service.name())));
    }

    @Test
    void aBrokenPortOrHealthCheckIsCaught() {
        Platform.Service drift = Platform.service("drift-service");
        Map<String, Object> broken = new LinkedHashMap<>(COMPOSE.service("drift-service"));
        broken.put("ports", List.of("8082:9999"));
        assertFalse(problems(drift, broken).isEmpty(), "a wrong container port passed");

        broken = new LinkedHashMap<>(COMPOSE.service("drift-service"));
        broken.put("healthcheck", Map.of("test", List.of("CMD", "curl", "-f", "http://localhost:8082/q/health/live")));
        assertFalse(problems(drift, broken).isEmpty(), "a health check off /q/health/ready passed");

        broken = new LinkedHashMap<>(COMPOSE.service("drift-service"));
        Map<String, Object> env = new LinkedHashMap<>(Compose.map(broken, "environment"));
        env.put("QUARKUS_HTTP_PORT", "8090");
        broken.put("environment", env);
        assertFalse(problems(drift, broken).isEmpty(), "a port that differs from application.properties passed");
    }

    /** Everything wrong about one service's entry; empty when it agrees with its configuration. */
    static List<String> problems(Platform.Service service, Map<String, Object> entry) {
        List<String> problems = new ArrayList<>();
        ServiceConfig config = service.config();
        Map<String, String> env = Compose.environment(entry);
        String name = service.name();

        if (!config.overridingEnv("quarkus.http.port").equals(Optional.of(service.portEnv()))) {
            problems.add(name + ": quarkus.http.port is not ${" + service.portEnv() + ":...}");
        }
        int port = config.httpPort();
        int effective = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT", env.getOrDefault(service.portEnv(), "" + port)));
        if (effective != port) {
            problems.add(name + ": listens on " + effective + ", application.properties (and CONTRACT.md) say " + port);
        }
        for (String variable : env.keySet()) {
            if (!config.acceptsEnv(variable) && !Platform.CONTAINER_ENV.contains(variable)) {
                problems.add(name + ": " + variable + " is read by nothing in application.properties");
            }
        }
        if (!Compose.containerPorts(entry).contains(effective)) {
            problems.add(name + ": ports " + entry.get("ports") + " do not publish container port " + effective);
        }
        if (!Compose.healthcheck(entry).contains("http://localhost:" + effective + "/q/health/ready")) {
            problems.add(name + ": health check is not GET http://localhost:" + effective + "/q/health/ready");
        }
        Map<String, Object> build = Compose.map(entry, "build");
        if (!("./" + name).equals(build.get("context")) || !Dockerfile.PATH.equals(build.get("dockerfile"))) {
            problems.add(name + ": build is not ./" + name + " with " + Dockerfile.PATH);
        }
        Dockerfile dockerfile = Dockerfile.of(name);
        if (!dockerfile.exposed().contains(effective)) {
            problems.add(name + ": the Dockerfile exposes " + dockerfile.exposed() + ", not " + effective);
        }
        if (Compose.healthcheck(entry).contains("curl") && !dockerfile.text().matches("(?s).*install[^\\n]*curl.*")) {
            problems.add(name + ": the health check runs curl, which the image does not install");
        }
        kafkaProblems(name, env, problems);
        databaseProblems(name, config, env, problems);
        Map<String, String> waits = Compose.dependsOn(entry);
        if (!"service_completed_successfully".equals(waits.get("kafka-init")) || !"service_healthy".equals(waits.get("postgres"))) {
            problems.add(name + ": does not wait for kafka-init to complete and postgres to be healthy: " + waits);
        }
        String memLimit = String.valueOf(entry.get("mem_limit"));
        if (Platform.bytes(memLimit) != Platform.bytes(service.memoryLimit())) {
            problems.add(name + ": mem_limit " + memLimit + " is not " + service.memoryLimit());
        }
        long heap = Platform.heapOf(env.getOrDefault("JAVA_OPTS", dockerfile.env().getOrDefault("JAVA_OPTS", "")));
        if (heap > Platform.MAX_HEAP_SHARE * Platform.bytes(memLimit)) {
            problems.add(name + ": heap " + heap + " bytes leaves too little of mem_limit " + memLimit);
        }
        return problems;
    }

    private static void kafkaProblems(String name, Map<String, String> env, List<String> problems) {
        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        List<String> brokers = COMPOSE.servicesWithImage("apache/kafka").stream()
                .filter(b -> COMPOSE.service(b).get("entrypoint") == null).toList();
        List<String> advertised = brokers.stream()
                .flatMap(b -> Stream.of(Compose.environment(COMPOSE.service(b)).get("KAFKA_ADVERTISED_LISTENERS").split(","))
                        .map(l -> l.replaceFirst("^[A-Z_]+://", ""))
                        .filter(address -> address.startsWith(b + ":")))
                .toList();
        if (bootstrap == null || !advertised.contains(bootstrap)) {
            problems.add(name + ": KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + " is none of the broker's addresses " + advertised);
        }
    }

    private static void databaseProblems(String name, ServiceConfig config, Map<String, String> env, List<String> problems) {
        Pattern jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");
        Matcher url = jdbc.matcher(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
        Matcher defaultUrl = jdbc.matcher(config.require("quarkus.datasource.jdbc.url"));
        Map<String, String> postgres = Compose.environment(COMPOSE.service("postgres"));
        if (!url.matches() || !defaultUrl.matches()) {
            problems.add(name + ": QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL JDBC URL");
            return;
        }
        if (!COMPOSE.servicesWithImage("postgres").contains(url.group(1))
                || !Compose.containerPorts(COMPOSE.service("postgres")).contains(Integer.parseInt(url.group(2)))) {
            problems.add(name + ": the JDBC URL does not point at the postgres service: " + url.group());
        }
        if (!url.group(3).equals(postgres.get("POSTGRES_DB")) || !url.group(3).equals(defaultUrl.group(3))) {
            problems.add(name + ": database " + url.group(3) + " is not POSTGRES_DB " + postgres.get("POSTGRES_DB")
                    + " and the default " + defaultUrl.group(3));
        }
        if (!postgres.get("POSTGRES_USER").equals(env.get("QUARKUS_DATASOURCE_USERNAME"))
                || !postgres.get("POSTGRES_PASSWORD").equals(env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
            problems.add(name + ": the database user or password differs from the postgres service's");
        }
    }

    @Test
    void servicesGetTheEnvironmentTheLocalScriptsGiveThem() {
        String script = Platform.read("deploy/local/lib.sh");
        Matcher block = Pattern.compile("(?s)start_service\\(\\)\\s*\\{(.*?)nohup java").matcher(script);
        assertTrue(block.find(), "start_service() not found in deploy/local/lib.sh");
        List<String> local = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)=").matcher(block.group(1)).results()
                .map(r -> r.group(1)).toList();
        assertFalse(local.isEmpty(), "no variables found in start_service()");
        for (Platform.Service s : Platform.SERVICES) {
            Map<String, String> env = Compose.environment(COMPOSE.service(s.name()));
            for (String variable : local) {
                assertTrue(env.containsKey(variable), s.name() + " lacks " + variable + ", which lib.sh sets");
            }
            assertTrue(env.containsKey("QUARKUS_DATASOURCE_USERNAME") && env.containsKey("QUARKUS_DATASOURCE_PASSWORD"),
                    s.name() + " lacks the database credentials");
        }
    }

    @Test
    void topicsAreCreatedBeforeTheServicesAsTheLocalScriptsCreateThem() {
        Map<String, Object> init = COMPOSE.service("kafka-init");
        String script = Compose.interpolate(String.join("\n", Compose.list(init, "command").stream().map(String::valueOf).toList()));
        assertEquals(Platform.localTopics(), Platform.topicSpecs(script), "topics or partitions differ from deploy/local/lib.sh");
        long maxMessage = Platform.topicMaxMessageBytes(script);
        assertEquals(Platform.topicMaxMessageBytes(Platform.read("deploy/local/lib.sh")), maxMessage);
        assertTrue(script.contains("--if-not-exists"), "a restart of kafka-init would fail on existing topics");
        assertEquals("service_healthy", Compose.dependsOn(init).get("kafka"));

        Map<String, String> broker = Compose.environment(COMPOSE.service("kafka"));
        assertTrue(Long.parseLong(broker.get("KAFKA_MESSAGE_MAX_BYTES")) >= maxMessage, "the broker refuses the topics' records");
        assertEquals("false", broker.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        assertTrue(Compose.map(COMPOSE.service("kafka"), "healthcheck").containsKey("test"));
        assertTrue(Compose.map(COMPOSE.service("postgres"), "healthcheck").containsKey("test"));

        for (Platform.Service s : Platform.SERVICES) {
            ServiceConfig config = s.config();
            for (String topic : config.topics()) {
                assertTrue(Platform.localTopics().containsKey(topic), s.name() + " uses topic " + topic + ", which is not created");
            }
            config.maxPartitionFetchBytes().forEach((key, bytes) ->
                    assertTrue(bytes >= maxMessage, s.name() + ": " + key + " is below the topics' max.message.bytes"));
        }
    }

    @Test
    void kafkaIsTheOfficialImageInKraftMode() {
        Matcher tag = Pattern.compile("apache/kafka:(\\d+)\\.(\\d+)\\.\\d+").matcher(String.valueOf(COMPOSE.service("kafka").get("image")));
        assertTrue(tag.matches(), "Kafka is not an apache/kafka:x.y.z image");
        int major = Integer.parseInt(tag.group(1));
        assertTrue(major > 4 || major == 4 && Integer.parseInt(tag.group(2)) >= 1, "apache/kafka older than 4.1");
        Map<String, String> broker = Compose.environment(COMPOSE.service("kafka"));
        assertEquals("broker,controller", broker.get("KAFKA_PROCESS_ROLES"));
        assertTrue(broker.get("KAFKA_CONTROLLER_QUORUM_VOTERS").startsWith(broker.get("KAFKA_NODE_ID") + "@"));
        assertEquals("1", broker.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"), "a single broker cannot hold 3 replicas");
    }

    @Test
    void monitoringProfileMountsTheFilesThatExist() {
        for (String name : List.of("prometheus", "grafana")) {
            for (Object volume : Compose.list(COMPOSE.service(name), "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                assertTrue(Files.exists(Platform.path(source)), name + " mounts missing " + source);
            }
        }
    }
}
