package org.icpengine.stats.binning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.icpengine.stats.ReferenceData;

/** A numeric CSV of the reference data read into columns, for tests (header row, comma-separated, no quotes). */
public final class ReferenceCsv {

    private final List<String> header;
    private final double[][] columns;

    private ReferenceCsv(List<String> header, double[][] columns) {
        this.header = header;
        this.columns = columns;
    }

    /** Reads {@code relative} under the reference data folder. */
    public static ReferenceCsv read(String relative) {
        try {
            List<String> lines = Files.readAllLines(ReferenceData.path(relative));
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            int rows = lines.size() - 1;
            while (rows > 0 && lines.get(rows).isBlank()) {
                rows--;
            }
            double[][] columns = new double[header.size()][rows];
            for (int r = 0; r < rows; r++) {
                String[] cells = lines.get(r + 1).split(",", -1);
                for (int c = 0; c < header.size(); c++) {
                    columns[c][r] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                }
            }
            return new ReferenceCsv(header, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The breast-cancer data set of optbinning's tests. */
    public static ReferenceCsv breastCancer() {
        return read("breast-cancer/breast_cancer.csv");
    }

    /** A copy of the named column. */
    public double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return columns[c].clone();
    }

    /** The named 0/1 column as ints. */
    public int[] labels(String name) {
        double[] v = column(name);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    /** Number of data rows. */
    public int rows() {
        return columns[0].length;
    }
}
