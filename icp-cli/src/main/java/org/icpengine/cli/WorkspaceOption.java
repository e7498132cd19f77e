package org.icpengine.cli;

import java.nio.file.Path;

import org.icpengine.core.workspace.Workspace;

import picocli.CommandLine.Option;

/** The {@code --workspace DIR} option every workspace command shares. */
final class WorkspaceOption {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
            description = "Workspace folder holding icp.yaml (default: the current folder).")
    Path dir;

    /** Opens the workspace, validating its icp.yaml. */
    Workspace open() {
        return Workspace.open(dir);
    }
}
