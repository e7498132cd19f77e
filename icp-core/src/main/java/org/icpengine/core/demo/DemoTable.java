package org.icpengine.core.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated data file: the canonical table it feeds, where it was written, how many data rows
 * it holds (the header row excluded) and its size in bytes.
 *
 * @param table canonical table name, e.g. {@code usage_events}
 * @param path  absolute path of the CSV file
 * @param rows  data rows, ≥ 0
 * @param bytes file size in bytes, ≥ 0
 */
public record DemoTable(String table, Path path, long rows, long bytes) {

    /** Validates the fields. */
    public DemoTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("rows and bytes must be >= 0");
        }
    }
}
