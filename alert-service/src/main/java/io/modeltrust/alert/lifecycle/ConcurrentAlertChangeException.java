package io.modeltrust.alert.lifecycle;

import io.modeltrust.security.ApiProblem;

/** Someone changed an alert (acknowledged it, say) between this transaction's read and its write; retry. */
public class ConcurrentAlertChangeException extends ApiProblem {

    public ConcurrentAlertChangeException(String alertId) {
        super(409, "Conflict", "alert " + alertId + " changed concurrently; retry");
    }
}
