package org.icpengine.stats.ltv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.icpengine.stats.ReferenceData;

/** Reads the reference data sets of REFERENCE.md for the lifetime-value tests. */
final class LtvData {

    private LtvData() {
    }

    /** The CDNOW calibration summary: 2357 customers, weeks. */
    record Cdnow(int[] id, int[] x, double[] tx, double[] T, double[] zbar) {
        int size() {
            return x.length;
        }
    }

    /** The sBG table of Fader &amp; Hardie (2007): % alive per year, and whether the year was calibration. */
    record Survival(double[] regular, double[] highEnd, boolean[] calibration) {
        double[] calibrationPart(double[] series) {
            int n = 0;
            while (n < calibration.length && calibration[n]) {
                n++;
            }
            return java.util.Arrays.copyOf(series, n);
        }
    }

    private static Cdnow cdnow;
    private static Survival survival;

    static synchronized Cdnow cdnow() {
        if (cdnow == null) {
            List<String[]> rows = rows("cdnow/cdnow_customers_summary_with_transactions.csv");
            int n = rows.size();
            int[] id = new int[n];
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                String[] r = rows.get(i);
                id[i] = Integer.parseInt(r[0]);
                x[i] = Integer.parseInt(r[1]);
                tx[i] = Double.parseDouble(r[2]);
                t[i] = Double.parseDouble(r[3]);
                z[i] = Double.parseDouble(r[4]);
            }
            cdnow = new Cdnow(id, x, tx, t, z);
        }
        return cdnow;
    }

    static synchronized Survival survival() {
        if (survival == null) {
            List<String[]> rows = rows("sbg-fader-hardie-2007/survival_pct.csv");
            int n = rows.size();
            double[] regular = new double[n];
            double[] high = new double[n];
            boolean[] cal = new boolean[n];
            for (int i = 0; i < n; i++) {
                String[] r = rows.get(i);
                if (Integer.parseInt(r[0]) != i) {
                    throw new IllegalStateException("years must be 0, 1, 2, ... in order");
                }
                regular[i] = Double.parseDouble(r[1]);
                high[i] = Double.parseDouble(r[2]);
                cal[i] = r[3].equals("1");
            }
            survival = new Survival(regular, high, cal);
        }
        return survival;
    }

    /** Data rows (header dropped), fields trimmed. */
    private static List<String[]> rows(String relative) {
        try {
            List<String> lines = Files.readAllLines(ReferenceData.path(relative));
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(",");
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].trim();
                }
                out.add(f);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
