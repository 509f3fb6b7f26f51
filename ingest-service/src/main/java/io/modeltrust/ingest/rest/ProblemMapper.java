package io.modeltrust.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modeltrust.ingest.publish.BrokerUnavailableException;
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
        if (failure instanceof BrokerUnavailableException b) {
            LOG.warn(b.getMessage());
            return Response.fromResponse(problem(503, "Service Unavailable",
                    "Kafka is not reachable; nothing was published. Retry later.", null)).header("Retry-After", "5").build();
        }
        if (failure instanceof JsonProcessingException j) {
            return problem(400, "Malformed JSON", j.getOriginalMessage(), null);
        }
        if (failure instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String title = w.getResponse().getStatusInfo().getReasonPhrase();
            return problem(status, title, w.getMessage(), null);
        }
        if (DatabaseUnavailable.test(failure)) {
            LOG.warnf("database unavailable: %s", failure.getMessage());
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
}
