package io.modeltrust.alert.rest;

import io.modeltrust.alert.rules.InvalidPathException;
import io.modeltrust.security.ProblemJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A metric path in a query that names nothing (the rules package stays free of HTTP types). */
@Provider
public class InvalidPathMapper implements ExceptionMapper<InvalidPathException> {

    @Override
    public Response toResponse(InvalidPathException failure) {
        return ProblemJson.response(400, "Invalid metric path", failure.getMessage());
    }
}
