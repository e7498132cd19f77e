package org.icpengine.core.pipeline.exports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Exports#run} wrote: the folder, one entry per file, and a note for every part that could not be
 * computed (a missing model or table) and why. Immutable.
 *
 * @param asOf  the date of the account metrics the exports are built from
 * @param dir   the folder written, {@code out/exports/}
 * @param files the files written, in a stable order
 * @param notes what was left out and which step or data would fill it, one sentence each
 */
public record ExportReport(LocalDate asOf, Path dir, List<File> files, List<String> notes) {

    /** Validates and copies. */
    public ExportReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(dir, "dir");
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /**
     * One file written.
     *
     * @param name  the file name, e.g. {@code sales_priority.csv}
     * @param path  where it is
     * @param rows  data rows (the header not counted)
     * @param about what it holds, in a few words
     */
    public record File(String name, Path path, int rows, String about) {
        /** Validates. */
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(about, "about");
        }
    }

    /** The file with this name; {@link IllegalArgumentException} if none. */
    public File file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no export file " + name + "; files: "
                        + files.stream().map(File::name).toList()));
    }
}
