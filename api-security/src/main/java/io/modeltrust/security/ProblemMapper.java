package io.modeltrust.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Every service's exception mapper: errors leave as RFC 9457 problem+json ({@link ProblemJson}), never a stack
 * trace. A service adds a mapper of its own only for an exception type of its own (JAX-RS picks the most
 * specific one).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        ApiProblem problem = cause(failure, ApiProblem.class);
        if (problem != null) {
            return ProblemJson.response(problem);
        }
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        if (json != null) {
            return ProblemJson.response(400, "Malformed JSON", json.getOriginalMessage());
        }
        if (failure instanceof WebApplicationException w) {
            return ProblemJson.response(w.getResponse().getStatus(), w.getResponse().getStatusInfo().getReasonPhrase(),
                    w.getMessage());
        }
        if (Failures.isTransient(failure)) {
            LOG.warnf("dependency unavailable answering a request: %s", failure.toString());
            return unavailable("The database is not reachable. Retry later.");
        }
        LOG.error("unexpected failure", failure);
        return ProblemJson.response(500, "Internal Server Error", "The server failed to handle the request; it was logged.");
    }

    /** 503 with Retry-After: a dependency is away, and the client should try again. */
    public static Response unavailable(String detail) {
        return ProblemJson.builder(503, "Service Unavailable", detail, java.util.List.of(), 0)
                .header("Retry-After", "5").build();
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
