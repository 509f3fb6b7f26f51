package io.modeltrust.ingest.rest;

import io.modeltrust.ingest.publish.BrokerUnavailableException;
import io.modeltrust.security.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Kafka did not take the whole batch in time: 503 with Retry-After, as for the database (the shared mapper). */
@Provider
public class BrokerUnavailableMapper implements ExceptionMapper<BrokerUnavailableException> {

    private static final Logger LOG = Logger.getLogger(BrokerUnavailableMapper.class);

    @Override
    public Response toResponse(BrokerUnavailableException failure) {
        LOG.warn(failure.getMessage());
        return ProblemMapper.unavailable("Kafka is not reachable; nothing was published. Retry later.");
    }
}
