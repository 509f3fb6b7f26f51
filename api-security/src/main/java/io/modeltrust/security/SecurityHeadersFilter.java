package io.modeltrust.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Puts {@link SecurityHeaders} on every HTTP response of the service: a Vert.x route filter, so static files (the
 * dashboard) get them as well as the REST API. They are added when the response's headers are written, and only
 * where the response has not set the header itself, so an endpoint that needs another policy can send its own.
 */
@Singleton
public class SecurityHeadersFilter {

    /** Ahead of the application's routes; the order among filters does not matter, they only add headers. */
    private static final int PRIORITY = 100;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            Map<String, String> wanted = SecurityHeaders.forPath(rc.normalizedPath());
            rc.addHeadersEndHandler(ignored -> {
                MultiMap headers = rc.response().headers();
                wanted.forEach((name, value) -> {
                    if (!headers.contains(name)) {
                        headers.set(name, value);
                    }
                });
            });
            rc.next();
        }, PRIORITY);
    }
}
