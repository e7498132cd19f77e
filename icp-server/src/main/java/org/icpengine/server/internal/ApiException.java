package org.icpengine.server.internal;

import java.util.Objects;

/**
 * A failure with its HTTP status and error code, answered as {@code {"error":{"code":…,"message":…}}}. The message
 * is shown to the client, so it must say what was wrong and hold nothing secret.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    /**
     * An error answer.
     *
     * @param status  the HTTP status, 400 to 599
     * @param code    a short machine-readable code such as {@code not_found}
     * @param message a sentence for people
     */
    public ApiException(int status, String code, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A 400 {@code bad_request}. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** A 404 {@code not_found}. */
    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code. */
    public String code() {
        return code;
    }
}
