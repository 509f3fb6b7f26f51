package io.modeltrust.alert.notify;

/**
 * How one delivery attempt went. {@code status}: the HTTP status of a webhook's answer, or the SMTP
 * reply code of a refused email (0 when there was none); {@code last}: not worth retrying (the channel
 * is gone, its target refused, the mail server refused for good).
 */
record Outcome(boolean delivered, int status, String error, boolean last) {

    /** A webhook's answer: delivered when 2xx. */
    static Outcome answered(int httpStatus) {
        return new Outcome(httpStatus >= 200 && httpStatus < 300, httpStatus, null, false);
    }

    static Outcome sent() {
        return new Outcome(true, 0, null, false);
    }

    static Outcome failed(int status, String error, boolean last) {
        return new Outcome(false, status, error, last);
    }

    String problem() {
        return delivered ? null : (error != null ? error : "HTTP " + status);
    }
}
