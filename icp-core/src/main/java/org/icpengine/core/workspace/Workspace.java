package org.icpengine.core.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.config.WorkspaceConfig;

/**
 * A workspace folder: {@code icp.yaml}, {@code data/}, the store {@code .icp/icp.duckdb} and {@code out/}
 * (DESIGN.md "Workspace").
 *
 * @param dir    the workspace folder
 * @param config its validated configuration
 */
public record Workspace(Path dir, WorkspaceConfig config) {

    /** Opens the workspace in {@code dir}, reading and validating its {@code icp.yaml}. */
    public static Workspace open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new Workspace(abs, ConfigLoader.loadWorkspace(abs));
    }

    /** The embedded store file. */
    public Path storeFile() {
        return dir.resolve(".icp").resolve("icp.duckdb");
    }

    /** Whether the store has been created (by a first {@code icp ingest}). */
    public boolean hasStore() {
        return Files.exists(storeFile());
    }

    /** The output folder {@code out/}. */
    public Path outDir() {
        return dir.resolve("out");
    }

    /** {@code out/rejected/}, where rejected rows are written per table. */
    public Path rejectedDir() {
        return outDir().resolve("rejected");
    }

    /** Resolves a source path against the workspace folder. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dir.resolve(p).normalize();
    }
}
