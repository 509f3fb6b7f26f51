package io.modeltrust.alert.notify;

import java.util.regex.Pattern;

/**
 * The addresses an email channel takes: {@code local@domain} with an unquoted local part (RFC 5322
 * dot-atom) and a host name or a dotted domain. Quoted local parts, comments, display names and address
 * literals are refused: none is needed for a team's mailbox, and each would reach the SMTP envelope
 * or a header as the client wrote it.
 */
public final class EmailAddress {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddress() {
    }

    public static boolean valid(String address) {
        if (address == null || address.length() > 254) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at > 64) {
            return false;
        }
        String domain = address.substring(at + 1);
        if (!LOCAL.matcher(address.substring(0, at)).matches() || domain.isEmpty() || domain.endsWith(".")) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
