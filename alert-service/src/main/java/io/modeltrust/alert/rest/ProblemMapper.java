package io.modeltrust.alert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.lifecycle.AlertConflictException;
import io.modeltrust.alert.lifecycle.AlertNotFoundException;
import io.modeltrust.alert.lifecycle.ConcurrentAlertChangeException;
import io.modeltrust.alert.rules.InvalidPathException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The service's one exception mapper: every error leaves as RFC 9457 problem+json, never a stack trace. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiProblem p) {
            return problem(p.status(), p.title(), p.getMessage(), p);
        }
        if (failure instanceof AlertNotFoundException e) {
            return problem(404, "Not found", e.getMessage(), null);
        }
        if (failure instanceof AlertConflictException e) {
            return problem(409, "Conflict", e.getMessage(), null);
        }
        if (failure instanceof ConcurrentAlertChangeException e) {
            return problem(409, "Conflict", e.getMessage() + "; retry", null);
        }
        if (failure instanceof InvalidPathException e) {
            return problem(400, "Invalid metric path", e.getMessage(), null);
        }
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        if (json != null) {
            return problem(400, "Malformed JSON", json.getOriginalMessage(), null);
        }
        if (failure instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return problem(status, w.getResponse().getStatusInfo().getReasonPhrase(), w.getMessage(), null);
        }
        if (cause(failure, Jdbc.DataAccessException.class) != null) {
            LOG.warn("database failure answering a request", failure);
            return Response.fromResponse(problem(503, "Service Unavailable",
                    "The database is not reachable. Retry later.", null)).header("Retry-After", "5").build();
        }
        LOG.error("unexpected failure", failure);
        return problem(500, "Internal Server Error", "The server failed to handle the request; it was logged.", null);
    }

    static Response problem(int status, String title, String detail, ApiProblem source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (source != null && source.totalErrors() > 0) {
            body.put("errors", source.errors());
            body.put("totalErrors", source.totalErrors());
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
