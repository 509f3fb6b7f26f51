package io.modeltrust.ingest.rest;

import java.util.List;

/**
 * A client-visible failure, rendered as application/problem+json by {@link ProblemMapper}. Carries
 * the validation problems (first 100) and their total count when there are any.
 */
public class ApiProblem extends RuntimeException {

    /** One validation problem; row is 1-based over data rows, null when it concerns no row. */
    public record FieldError(Long row, String column, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final long totalErrors;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of(), 0);
    }

    public ApiProblem(int status, String title, String detail, List<FieldError> errors, long totalErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.totalErrors = totalErrors;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public long totalErrors() {
        return totalErrors;
    }
}
