package io.modeltrust.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a service's src/main/docker/Dockerfile.jvm that the deployment relies on. */
record Dockerfile(String from, String user, List<Integer> exposed, Map<String, String> env, List<String> copies,
                  String entrypoint, String text) {

    static final String PATH = "src/main/docker/Dockerfile.jvm";

    static Dockerfile of(String service) {
        return parse(Platform.read(service + "/" + PATH));
    }

    static Dockerfile parse(String text) {
        String from = null;
        String user = null;
        String entrypoint = null;
        List<Integer> exposed = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> copies = new ArrayList<>();
        // Continuation lines joined, comments dropped.
        for (String line : text.replaceAll("\\\\\\r?\\n", " ").split("\\r?\\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 2);
            String args = parts.length > 1 ? parts[1] : "";
            switch (parts[0].toUpperCase()) {
                case "FROM" -> from = args.split("\\s+")[0];
                case "USER" -> user = args;
                case "EXPOSE" -> {
                    for (String p : args.split("\\s+")) {
                        exposed.add(Integer.parseInt(p.replaceAll("/.*", "")));
                    }
                }
                case "ENV" -> {
                    Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(args);
                    while (m.find()) {
                        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                    }
                }
                case "COPY" -> copies.add(args);
                case "ENTRYPOINT" -> entrypoint = args;
                default -> {
                }
            }
        }
        return new Dockerfile(from, user, List.copyOf(exposed), env, List.copyOf(copies), entrypoint, text);
    }
}
