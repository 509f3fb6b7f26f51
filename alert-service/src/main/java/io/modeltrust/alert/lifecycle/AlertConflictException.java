package io.modeltrust.alert.lifecycle;

import io.modeltrust.security.ApiProblem;

/** The requested transition does not apply to the alert's current status (acknowledging a resolved alert). */
public class AlertConflictException extends ApiProblem {

    public AlertConflictException(String message) {
        super(409, "Conflict", message);
    }
}
