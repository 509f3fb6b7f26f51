package io.modeltrust.service.rest;

import io.modeltrust.service.messaging.Transient;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The service's one exception mapper: errors leave as RFC 9457 problem+json, never a stack trace. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        int status = 500;
        String title = "Internal Server Error";
        String detail = "The server failed to handle the request; it was logged.";
        String retryAfter = null;
        if (failure instanceof WebApplicationException w) {
            status = w.getResponse().getStatus();
            title = w.getResponse().getStatusInfo().getReasonPhrase();
            detail = w.getMessage();
        } else if (Transient.test(failure)) {
            // The database (or broker) is away: a client should retry, and it is no bug of ours.
            LOG.warnf("dependency unavailable: %s", failure.getMessage());
            status = 503;
            title = "Service Unavailable";
            detail = "The database is not reachable. Retry later.";
            retryAfter = "5";
        } else {
            LOG.error("unexpected failure", failure);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        Response.ResponseBuilder response = Response.status(status).type("application/problem+json").entity(body);
        return retryAfter == null ? response.build() : response.header("Retry-After", retryAfter).build();
    }
}
