package io.modeltrust.alert.rest;

import java.util.List;

/**
 * A client-visible failure, rendered as application/problem+json by {@link ProblemMapper}. Carries
 * the validation problems (first 100) and their total count when there are any; for rule and
 * channel lists {@code row} is the 1-based position in the list and {@code column} the field.
 */
public class ApiProblem extends RuntimeException {

    /** One validation problem; row is 1-based, null when it concerns no single entry. */
    public record FieldError(Long row, String column, String message) {
    }

    private static final int MAX_ERRORS = 100;

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final long totalErrors;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
        this.totalErrors = errors.size();
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
