package io.modeltrust.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before anything else runs, a request whose path or query carries a control character (NUL above
 * all, which PostgreSQL text cannot hold): no model id, batch id or filter value may contain one, and without
 * this check a NUL reached the database and came back as a 500 or a false "database not reachable" 503.
 */
public class ControlCharacterFilter {

    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF])");

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (holdsControl(uri.getRawPath()) || holdsControl(uri.getRawQuery())) {
            return ProblemJson.response(400, "Bad request",
                    "The request's path or query holds a control character (such as NUL, %00); no identifier or "
                            + "parameter may contain one.");
        }
        return null;
    }

    static boolean holdsControl(String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return ENCODED_CONTROL.matcher(raw).find();
    }
}
