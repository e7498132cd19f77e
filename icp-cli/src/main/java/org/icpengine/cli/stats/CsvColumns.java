package org.icpengine.cli.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.icpengine.errors.InputException;

/**
 * A small numeric CSV (or whitespace-separated) table read for {@code icp stats}: a header line, then
 * numbers. Errors name the file, line and column. Column lookup ignores case.
 */
final class CsvColumns {

    private final Path file;
    private final List<String> names;
    private final Map<String, double[]> columns;
    private final int rows;
    private final int[] lineOf;

    private CsvColumns(Path file, List<String> names, Map<String, double[]> columns, int rows, int[] lineOf) {
        this.file = file;
        this.names = names;
        this.columns = columns;
        this.rows = rows;
        this.lineOf = lineOf;
    }

    static CsvColumns read(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InputException(file + ": the file is empty; expected a header line with column names");
        }
        String head = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        String sep = head.contains(",") ? "," : head.contains(";") ? ";" : head.contains("\t") ? "\t" : "\\s+";
        List<String> names = new ArrayList<>();
        for (String h : split(head, sep)) {
            names.add(h);
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line, sep);
            if (cells.length != names.size()) {
                throw new InputException(file + ":" + (i + 1) + ": expected " + names.size() + " fields ("
                        + String.join(", ", names) + "), found " + cells.length);
            }
            double[] v = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    // a text cell is read as NaN, and reported (with its line) only if its column is used
                    v[c] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    v[c] = Double.NaN;
                }
            }
            rows.add(v);
            lineNumbers.add(i + 1);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            double[] col = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                col[r] = rows.get(r)[c];
            }
            cols.put(names.get(c).toLowerCase(Locale.ROOT), col);
        }
        return new CsvColumns(file, names, cols, rows.size(), lineNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String[] split(String line, String sep) {
        String[] parts = sep.equals("\\s+") ? line.trim().split(sep) : line.split(java.util.regex.Pattern.quote(sep), -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                p = p.substring(1, p.length() - 1);
            }
            parts[i] = p;
        }
        return parts;
    }

    int rows() {
        return rows;
    }

    List<String> names() {
        return names;
    }

    /** The first of {@code candidates} present, if any. */
    Optional<String> find(String... candidates) {
        for (String c : candidates) {
            if (columns.containsKey(c.toLowerCase(Locale.ROOT))) {
                return Optional.of(c.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** A required column of finite numbers; errors name the line and column. */
    double[] numbers(String name) {
        double[] col = columns.get(name.toLowerCase(Locale.ROOT));
        if (col == null) {
            throw new InputException(file + ": no column '" + name + "'; the header has: " + String.join(", ", names));
        }
        for (int i = 0; i < col.length; i++) {
            if (!Double.isFinite(col[i])) {
                throw new InputException(file + ":" + lineOf[i] + ": column '" + name + "': expected a number");
            }
        }
        return col;
    }

    /** The first of {@code candidates}, required; the message lists them. */
    double[] numbers(String what, String... candidates) {
        return numbers(find(candidates).orElseThrow(() -> new InputException(file + ": no column for " + what
                + " (looked for " + String.join(", ", candidates) + "); the header has: " + String.join(", ", names))));
    }

    Path file() {
        return file;
    }
}
