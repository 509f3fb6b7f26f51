package io.modeltrust.alert.rules;

/** A metric path that does not name a series of any result (unknown section, field or a malformed name). */
public class InvalidPathException extends IllegalArgumentException {

    public InvalidPathException(String message) {
        super(message);
    }
}
