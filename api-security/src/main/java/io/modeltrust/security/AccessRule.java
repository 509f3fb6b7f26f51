package io.modeltrust.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * The role a request needs. Only /api/** holds data: reading it (GET, HEAD, OPTIONS) needs read, anything
 * else needs write. /q/** (health, metrics, OpenAPI: probes and scrapers carry no key) and every other path
 * (the dashboard's static files) need none.
 */
public final class AccessRule {

    private AccessRule() {
    }

    /** The role needed, or empty when the request needs no key. */
    public static Optional<Role> required(String method, String path) {
        if (!underApi(path)) {
            return Optional.empty();
        }
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        return Optional.of(switch (m) {
            case "GET", "HEAD", "OPTIONS" -> Role.READ;
            default -> Role.WRITE;
        });
    }

    /**
     * Whether a path is under /api once normalised the way a router might: empty and "." segments dropped,
     * ".." resolved, matrix parameters (";...") cut off. Errs towards /api, which only asks for a key.
     */
    static boolean underApi(String path) {
        return "api".equalsIgnoreCase(firstSegment(path));
    }

    static String firstSegment(String path) {
        if (path == null) {
            return "";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : path.split("[/\\\\]")) {
            int semicolon = raw.indexOf(';');
            String segment = semicolon < 0 ? raw : raw.substring(0, semicolon);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? "" : segments.peekFirst();
    }
}
