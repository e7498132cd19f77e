package org.icpengine.core.pipeline.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.icpengine.errors.InputException;

/**
 * One CSV file being built in memory and written at once (UTF-8, RFC 4180 quoting, {@code \n} line ends),
 * through a temporary file and an atomic move so that a reader never sees half a file.
 *
 * <p>Text that came from the data ({@link #text}) and starts with {@code = + - @}, a tab or a carriage return
 * is prefixed with a single quote, so that a spreadsheet or CRM opening the file does not run it as a formula
 * (OWASP "CSV injection"). Numbers are written with {@link Locale#ROOT}; {@code NaN} and {@code null} are empty.
 */
final class CsvOut {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    CsvOut(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; it must have one cell per header column. */
    void row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header has " + header.size());
        }
        rows.add(new ArrayList<>(cells));
    }

    /** Rows added so far. */
    int size() {
        return rows.size();
    }

    /** The file's text. */
    String text() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (List<String> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    /** Writes the file, replacing an earlier one. */
    void write(Path file) {
        writeText(file, text());
    }

    /** Writes a UTF-8 text file through a temporary file and an atomic move. */
    static void writeText(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".tmp-", ".part");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        sb.append('\n');
    }

    /** RFC 4180 quoting of one cell; null is empty. */
    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A value from the data as text, defused against formula injection (see the class comment); null is empty. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** A number with at most {@code decimals} decimals, trailing zeros removed; NaN is empty. */
    static String number(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        String s = new BigDecimal(String.format(Locale.ROOT, "%." + decimals + "f", v)).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A boolean as {@code true}/{@code false}; null is empty. */
    static String bool(Boolean b) {
        return b == null ? "" : b.toString();
    }
}
