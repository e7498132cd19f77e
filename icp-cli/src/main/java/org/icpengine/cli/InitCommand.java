package org.icpengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icp init [DIR]}: writes a workspace with a commented {@code icp.yaml}. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a workspace: a commented icp.yaml explaining every key, and a data/ folder.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Folder to create the workspace in (default: the current folder).")
    Path dir;

    @Option(names = "--force", description = "Overwrite an existing icp.yaml.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path file = dir.resolve(ConfigLoader.FILE_NAME);
        if (Files.exists(file) && !force) {
            throw new InputException(file + " already exists; use --force to overwrite it");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(dir + " exists and is not a folder");
        }
        String template;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("icp.template.yaml")) {
            if (in == null) {
                throw new IcpException("the icp.yaml template is missing from the build");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ConfigLoader.parse(file, template);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(file, template, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created " + file);
        out.println("Next: put your CSV exports in " + dir.resolve("data") + ", map them under 'sources:' in "
                + ConfigLoader.FILE_NAME + ", then run: icp ingest --workspace " + dir);
        out.flush();
        return ExitCodes.OK;
    }
}
