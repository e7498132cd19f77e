package org.icpengine.core.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one {@code icp ingest} run did, per source file: rows read = loaded + rejected.
 *
 * @param files         one entry per file read, in load order
 * @param rejectedFiles the {@code out/rejected/<table>.csv} files written
 */
public record IngestReport(List<FileResult> files, List<Path> rejectedFiles) {

    public IngestReport {
        files = List.copyOf(files);
        rejectedFiles = List.copyOf(rejectedFiles);
    }

    /**
     * The counts of one file.
     *
     * @param table    canonical table filled
     * @param file     the file
     * @param read     data rows read
     * @param loaded   rows loaded (new or replacing a row with the same key)
     * @param rejected rows rejected (see {@code rejected_rows})
     */
    public record FileResult(String table, Path file, long read, long loaded, long rejected) {
        public FileResult {
            if (read != loaded + rejected) {
                throw new IllegalStateException("read " + read + " != loaded " + loaded + " + rejected " + rejected
                        + " for " + file);
            }
        }
    }

    /** Total rows read over all files. */
    public long read() {
        return files.stream().mapToLong(FileResult::read).sum();
    }

    /** Total rows loaded over all files. */
    public long loaded() {
        return files.stream().mapToLong(FileResult::loaded).sum();
    }

    /** Total rows rejected over all files. */
    public long rejected() {
        return files.stream().mapToLong(FileResult::rejected).sum();
    }
}
