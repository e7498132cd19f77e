package org.icpengine.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Supplier;

import org.icpengine.errors.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current keys of a key file: re-read when the file's modification time changes, checked at most once a
 * second, so that a key created with {@code icp serve --new-key} while the server runs works at once. If the file
 * becomes unreadable or is removed, the keys last read stay in force (and a warning is logged), so a half-written
 * or deleted file never locks everyone out or lets everyone in. Thread-safe.
 */
public final class KeyFileWatch implements Supplier<ApiKeys> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFileWatch.class);
    private static final long CHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private volatile ApiKeys keys;
    private volatile long checkedAt;
    private FileTime modified;

    /**
     * Watches {@code file}, reading it now.
     *
     * @throws InputException if the file cannot be read
     */
    public KeyFileWatch(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.modified = modified(file);
        this.keys = ApiKeys.load(file);
        this.checkedAt = System.nanoTime();
    }

    @Override
    public ApiKeys get() {
        long now = System.nanoTime();
        if (now - checkedAt >= CHECK_NANOS) {
            refresh(now);
        }
        return keys;
    }

    private synchronized void refresh(long now) {
        if (now - checkedAt < CHECK_NANOS) {
            return;
        }
        checkedAt = now;
        FileTime m = modified(file);
        if (m == null || m.equals(modified)) {
            return;
        }
        try {
            keys = ApiKeys.load(file);
            modified = m;
        } catch (InputException e) {
            LOG.warn("keeping the API keys read earlier: {}", e.getMessage());
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
