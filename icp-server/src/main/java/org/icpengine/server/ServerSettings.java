package org.icpengine.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import org.icpengine.errors.InputException;

/**
 * Where the server listens and how much it accepts.
 *
 * @param host         the address to bind, {@value #DEFAULT_HOST} by default (only this machine can connect)
 * @param port         the TCP port, 0 for any free one (tests), {@value #DEFAULT_PORT} by default
 * @param maxBodyBytes the largest request body; larger ones answer 413 ({@value #DEFAULT_MAX_BODY} by default,
 *                     room for a batch of 10^4 accounts)
 */
public record ServerSettings(String host, int port, long maxBodyBytes) {

    /** The default address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default port. */
    public static final int DEFAULT_PORT = 7070;

    /** The default body limit, 5 MB. */
    public static final long DEFAULT_MAX_BODY = 5L * 1024 * 1024;

    /**
     * Validates.
     *
     * @throws InputException if the host is blank, the port is outside 0–65535 or the limit is below 1 KB
     */
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new InputException("--host must not be empty; use 127.0.0.1 to accept connections from this machine only");
        }
        if (port < 0 || port > 65_535) {
            throw new InputException("--port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new InputException("the body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
    }

    /** Loopback, port {@value #DEFAULT_PORT}, a 5 MB body limit. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY);
    }

    /** These settings with another host. */
    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, maxBodyBytes);
    }

    /** These settings with another port. */
    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, maxBodyBytes);
    }

    /** These settings with another body limit. */
    public ServerSettings withMaxBodyBytes(long newMax) {
        return new ServerSettings(host, port, newMax);
    }

    /**
     * Whether the host is a loopback address (reachable from this machine only).
     *
     * @throws InputException if the host cannot be resolved
     */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InputException("--host " + host + ": unknown host");
        }
    }
}
