package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Prometheus rules and scrape configuration, the Grafana dashboard and the runbook, against the services. */
class ObservabilityTest {

    /** Series the services define themselves (Micrometer meter "drift.compute.time" is drift_compute_time_seconds_*). */
    private static final Pattern APP_SERIES = Pattern.compile("\\b(ingest|drift|performance|fairness|alert)_[a-z_]+\\b");
    private static final Pattern SELECTOR = Pattern.compile("\\b((?:ingest|drift|performance|fairness|alert)_[a-z_]+)\\{([^}]*)}");
    private static final Pattern GROUPING = Pattern.compile(
            "by \\(([^)]*)\\) \\((?:rate|increase)\\(((?:ingest|drift|performance|fairness|alert)_[a-z_]+)");
    private static final Set<String> SCRAPE_LABELS = Set.of("job", "service", "instance", "le");

    @Test
    void everyAlertHasASeverityASummaryARunbookEntryAndAPromtoolTest() {
        String runbook = Platform.read("docs/operations.md");
        String promtoolTests = Platform.read("deploy/prometheus/rules.test.yml");
        List<Map<String, Object>> alerts = alertRules();
        assertFalse(alerts.isEmpty());
        for (Map<String, Object> rule : alerts) {
            String alert = String.valueOf(rule.get("alert"));
            Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertTrue(Set.of("critical", "warning", "info").contains(String.valueOf(labels.get("severity"))), alert + " severity");
            assertTrue(annotations.containsKey("summary"), alert + " has no summary");
            assertEquals("docs/operations.md#" + alert.toLowerCase(), annotations.get("runbook_url"), alert + " runbook_url");
            assertTrue(runbook.contains("\n### " + alert + "\n"), "docs/operations.md has no runbook entry '### " + alert + "'");
            assertTrue(promtoolTests.contains("alertname: " + alert), alert + " has no test in rules.test.yml");
        }
    }

    @Test
    void rulesAndDashboardUseSeriesTheServicesPublish() {
        String text = Platform.read("deploy/prometheus/rules.yml") + "\n" + dashboardExpressions();
        Set<String> series = new TreeSet<>();
        APP_SERIES.matcher(text).results().forEach(r -> series.add(r.group()));
        assertFalse(series.isEmpty());
        List<String> missing = new ArrayList<>();
        for (String s : series) {
            if (!sourceOf(s).contains("\"" + meterName(s) + "\"")) {
                missing.add(s + " (meter \"" + meterName(s) + "\")");
            }
        }
        assertEquals(List.of(), missing, "series that no service registers");

        List<String> unknownTags = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(text);
        while (selector.find()) {
            for (String matcher : selector.group(2).split(",")) {
                checkTag(selector.group(1), matcher.split("[=!~]")[0].trim(), unknownTags);
            }
        }
        Matcher grouping = GROUPING.matcher(text);
        while (grouping.find()) {
            for (String tag : grouping.group(1).split(",")) {
                checkTag(grouping.group(2), tag.trim(), unknownTags);
            }
        }
        assertEquals(List.of(), unknownTags, "tags that the registering service does not set");
    }

    private static void checkTag(String series, String tag, List<String> unknown) {
        if (!tag.isEmpty() && !SCRAPE_LABELS.contains(tag) && !sourceOf(series).contains("\"" + tag + "\"")) {
            unknown.add(series + "{" + tag + "}");
        }
    }

    static String meterName(String series) {
        return series.replaceFirst("(_seconds)?(_bucket|_count|_sum|_max)$|_total$|_seconds$", "").replace('_', '.');
    }

    /** The Java sources of the service a series belongs to, concatenated. */
    private static String sourceOf(String series) {
        String service = series.substring(0, series.indexOf('_')) + "-service";
        try (Stream<Path> files = Files.walk(Platform.path(service + "/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPortAndMetricsPath() {
        Map<String, Object> prometheus = new Yaml().load(Platform.read("deploy/prometheus/prometheus.yml"));
        Map<?, ?> job = scrapeJob(prometheus, "modeltrust");
        assertEquals("/q/metrics", job.get("metrics_path"));
        Map<String, String> targets = new java.util.HashMap<>();
        for (Object sc : (List<?>) job.get("static_configs")) {
            Map<?, ?> config = (Map<?, ?>) sc;
            for (Object target : (List<?>) config.get("targets")) {
                targets.put(String.valueOf(target), String.valueOf(((Map<?, ?>) config.get("labels")).get("service")));
            }
        }
        for (Platform.Service s : Platform.SERVICES) {
            String target = s.name() + ":" + s.config().httpPort();
            assertEquals(s.name(), targets.get(target), "no scrape target " + target + " labelled service=" + s.name());
        }
        assertEquals(Platform.SERVICES.size(), targets.size());

        Map<String, Object> compose = Compose.load().service("prometheus");
        String rulesMount = Compose.list(compose, "volumes").stream().map(String::valueOf)
                .filter(v -> v.startsWith("./deploy/prometheus/rules.yml:")).findFirst().orElseThrow().split(":")[1];
        assertEquals(List.of(rulesMount), prometheus.get("rule_files"), "prometheus.yml loads rules from where compose mounts them");

        Map<String, Object> inCluster = new Yaml().load(Platform.read("deploy/prometheus/prometheus-kubernetes.yml"));
        assertTrue(String.valueOf(scrapeJob(inCluster, "modeltrust")).contains("__meta_kubernetes_pod_annotation_prometheus_io_port"),
                "the in-cluster job does not use the pods' prometheus.io/port annotation");
    }

    private static Map<?, ?> scrapeJob(Map<String, Object> config, String name) {
        return ((List<?>) config.get("scrape_configs")).stream().map(Map.class::cast)
                .filter(j -> name.equals(j.get("job_name"))).findFirst().orElseThrow(() -> new AssertionError("no job " + name));
    }

    @Test
    void grafanaDashboardUsesTheProvisionedDatasourceAndIsMountedWhereTheProviderLooks() throws IOException {
        Map<String, Object> datasources = new Yaml().load(Platform.read("deploy/grafana/provisioning/datasources/prometheus.yml"));
        Map<?, ?> ds = (Map<?, ?>) ((List<?>) datasources.get("datasources")).get(0);
        assertEquals("prometheus", ds.get("type"));
        JsonNode dashboard = new ObjectMapper().readTree(Platform.read("deploy/grafana/dashboards/modeltrust-platform.json"));
        int targets = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.has("targets")) {
                assertEquals(ds.get("uid"), panel.at("/datasource/uid").asText(), panel.get("title") + " datasource");
                for (JsonNode target : panel.get("targets")) {
                    assertFalse(target.get("expr").asText().isBlank(), panel.get("title") + " has an empty query");
                    targets++;
                }
            }
        }
        assertTrue(targets > 10, "the dashboard has hardly any queries");

        Map<String, Object> providers = new Yaml().load(Platform.read("deploy/grafana/provisioning/dashboards/modeltrust.yml"));
        Object path = ((Map<?, ?>) ((Map<?, ?>) ((List<?>) providers.get("providers")).get(0)).get("options")).get("path");
        assertTrue(Compose.list(Compose.load().service("grafana"), "volumes").stream().map(String::valueOf)
                .anyMatch(v -> v.startsWith("./deploy/grafana/dashboards:" + path)), "compose does not mount the dashboards at " + path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() {
        Map<String, Object> rules = new Yaml().load(Platform.read("deploy/prometheus/rules.yml"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                if (((Map<?, ?>) rule).containsKey("alert")) {
                    out.add((Map<String, Object>) rule);
                }
            }
        }
        return out;
    }

    private static String dashboardExpressions() {
        try {
            StringBuilder out = new StringBuilder();
            new ObjectMapper().readTree(Platform.read("deploy/grafana/dashboards/modeltrust-platform.json")).findValues("expr")
                    .forEach(e -> out.append(e.asText()).append('\n'));
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
