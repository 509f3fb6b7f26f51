package io.modeltrust.alert.lifecycle;

/** No alert with that id. */
public class AlertNotFoundException extends RuntimeException {

    public AlertNotFoundException(String alertId) {
        super("no alert " + alertId);
    }
}
