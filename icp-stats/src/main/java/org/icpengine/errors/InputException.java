package org.icpengine.errors;

/** Input data or a command-line argument that cannot be used as given (exit code 2). */
public class InputException extends IcpException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
