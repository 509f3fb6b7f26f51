package io.modeltrust.alert.lifecycle;

/** The requested transition does not apply to the alert's current status (acknowledging a resolved alert). */
public class AlertConflictException extends RuntimeException {

    public AlertConflictException(String message) {
        super(message);
    }
}
