package org.icpengine.stats;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the published reference data sets in {@code ../shared/data/reference} (see REFERENCE.md).
 * The build passes the folder as the system property {@code icp.shared.dir}; run from an IDE, the
 * folder beside the repository is used.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** The path of a file under {@code shared/data/reference}, for example {@code "cdnow/CDNOW_sample.txt"}. */
    public static Path path(String relative) {
        String shared = System.getProperty("icp.shared.dir");
        Path base = shared != null ? Path.of(shared) : findShared();
        Path p = base.resolve("data").resolve("reference").resolve(relative).normalize();
        if (!Files.isReadable(p)) {
            throw new IllegalStateException("reference data not found: " + p);
        }
        return p;
    }

    private static Path findShared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the shared/ folder beside the repository");
    }
}
