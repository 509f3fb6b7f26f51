package io.modeltrust.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response headers every service sends so that a browser runs, frames and interprets nothing but what the
 * service meant: a Content-Security-Policy that allows the service's own origin only (scripts and styles from files,
 * never inline; no plugins; no framing), {@code X-Content-Type-Options: nosniff}, and {@code X-Frame-Options: DENY}
 * for browsers that predate {@code frame-ancestors}.
 *
 * <p>The policy is what the dashboard needs and nothing more: {@code img-src data:} is there for the empty
 * favicon (so the browser asks for no /favicon.ico), {@code connect-src 'self'} for its API calls. A JSON API
 * answer loads nothing, so the same policy costs it nothing.
 *
 * <p>Quarkus' own tool pages under /q/ (Swagger UI, the dev UI) are built on inline scripts: they get no policy,
 * only the other two headers.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** The headers for a response to {@code path} (the request's normalised path), by name. */
    public static Map<String, String> forPath(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (path == null || !(path.equals("/q") || path.startsWith("/q/"))) {
            out.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        out.put("X-Content-Type-Options", "nosniff");
        out.put("X-Frame-Options", "DENY");
        return out;
    }
}
