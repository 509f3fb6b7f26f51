package io.modeltrust.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link ApiGate} before a request is matched, so a denied request never reaches a resource (nor has its
 * body read) and an unauthenticated caller cannot tell which /api paths exist. Denials leave as problem+json.
 * Neither the key nor its hash is logged or answered; a denial logs the key's name at DEBUG.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";
    /** MDC key of the principal's name, so JSON logs of the request show who made it. */
    public static final String MDC_KEY = "apiKey";
    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);
    private static final String CHALLENGE = "ApiKey header=\"" + HEADER + "\"";

    private final ApiKeys keys;
    private final ApiCaller caller;

    public ApiKeyFilter(ApiKeys keys, ApiCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String method = request.getMethod();
        ApiGate.Decision decision = keys.gate().decide(method, request.getUriInfo().getPath(), request.getHeaderString(HEADER));
        if (decision instanceof ApiGate.Allowed allowed) {
            allowed.principal().ifPresent(p -> {
                caller.set(p);
                MDC.put(MDC_KEY, p.name());
            });
            return null;
        }
        if (decision instanceof ApiGate.Forbidden forbidden) {
            LOG.debugf("403 for key '%s' (%s) on %s: needs %s", forbidden.principal().name(),
                    forbidden.principal().role().label(), method, forbidden.needed().label());
            return problem(403, "Forbidden", "The API key '" + forbidden.principal().name() + "' has the "
                    + forbidden.principal().role().label() + " role; " + method + " on this path needs a key with the "
                    + forbidden.needed().label() + " role.").build();
        }
        ApiGate.Unauthenticated denied = (ApiGate.Unauthenticated) decision;
        LOG.debugf("401 on %s: %s", method, denied.presented() ? "a key that matches no entry" : "no key");
        String detail = denied.presented()
                ? "The X-API-Key header holds no known API key."
                : "This request needs an API key with the " + denied.needed().label() + " role in the X-API-Key header.";
        return problem(401, "Unauthorized", detail).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        return ProblemJson.builder(status, title, detail, java.util.List.of(), 0);
    }
}
