package io.modeltrust.alert.lifecycle;

import io.modeltrust.security.ApiProblem;

/** No alert with that id. */
public class AlertNotFoundException extends ApiProblem {

    public AlertNotFoundException(String alertId) {
        super(404, "Not found", "no alert " + alertId);
    }
}
