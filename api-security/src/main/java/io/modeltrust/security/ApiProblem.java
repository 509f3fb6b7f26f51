package io.modeltrust.security;

import java.util.List;

/**
 * A client-visible failure of any service, rendered as application/problem+json by {@link ProblemJson}. Carries
 * the validation problems (the first {@value #MAX_ERRORS}) and their total count when there are any. For uploads
 * {@code row} is the 1-based data row; for rule and channel lists it is the 1-based position in the list and
 * {@code column} the field.
 */
public class ApiProblem extends RuntimeException {

    /** One validation problem; row is 1-based, null when it concerns no single row or entry. */
    public record FieldError(Long row, String column, String message) {
    }

    public static final int MAX_ERRORS = 100;

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final long totalErrors;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** Every problem found: the first {@value #MAX_ERRORS} are kept, all are counted. */
    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, errors.size());
    }

    /** Problems already capped by the caller, which counted {@code totalErrors} in all. */
    public ApiProblem(int status, String title, String detail, List<FieldError> errors, long totalErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
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
