package io.modeltrust.alert.lifecycle;

/** Someone changed an alert (acknowledged it, say) between this transaction's read and its write; retry. */
public class ConcurrentAlertChangeException extends RuntimeException {

    public ConcurrentAlertChangeException(String alertId) {
        super("alert " + alertId + " changed concurrently");
    }
}
