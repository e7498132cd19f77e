package org.icpengine.errors;

/**
 * The root of every domain failure in ICP Engine: bad input, bad configuration, data that cannot
 * support the requested model. Anything else (a {@link RuntimeException} that is not an
 * {@code IcpException}) is a bug.
 *
 * <p>Messages say what was wrong, where (file:line:column, key, parameter) and what was expected.
 */
public class IcpException extends RuntimeException {

    public IcpException(String message) {
        super(message);
    }

    public IcpException(String message, Throwable cause) {
        super(message, cause);
    }
}
