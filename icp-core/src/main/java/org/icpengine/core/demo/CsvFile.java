package org.icpengine.core.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One CSV file being written: rows are built in a {@link CsvBuffer} and flushed through a 1 MiB
 * buffered stream into a temporary file beside the target, which {@link #commit()} moves into place
 * (so a failed run never leaves a half-written table under the final name).
 *
 * <p>{@link #close()} without {@link #commit()} deletes the temporary file.
 */
final class CsvFile implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 18;

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final CsvBuffer row = new CsvBuffer(FLUSH_AT + 4096);
    private long dataRows;
    private long bytes;
    private boolean committed;

    private CsvFile(Path target, Path temp, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = out;
    }

    /** Opens {@code target} for writing (through a temporary sibling) and writes the header row. */
    static CsvFile open(Path target, String... header) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20);
        CsvFile file = new CsvFile(target, temp, out);
        file.row.header(header);
        return file;
    }

    /** The buffer to write the next row into; finish the row with {@link #endRow()}. */
    CsvBuffer row() {
        return row;
    }

    /** Ends the current row and flushes the buffer when it is large. */
    void endRow() throws IOException {
        row.endRow();
        dataRows++;
        if (row.size() >= FLUSH_AT) {
            flushBuffer();
        }
    }

    /** Appends whole rows produced elsewhere (a parallel block); {@code rows} is how many they hold. */
    void appendRows(byte[] block, long rows) throws IOException {
        flushBuffer();
        out.write(block);
        bytes += block.length;
        dataRows += rows;
    }

    /** Data rows written so far (the header excluded). */
    long dataRows() {
        return dataRows;
    }

    /** The final path of this file. */
    Path target() {
        return target;
    }

    /** Flushes, closes and moves the file into place; returns its size in bytes. */
    long commit() throws IOException {
        flushBuffer();
        out.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return bytes;
    }

    private void flushBuffer() throws IOException {
        bytes += row.size();
        row.drainTo(out);
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
