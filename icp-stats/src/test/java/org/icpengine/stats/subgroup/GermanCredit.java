package org.icpengine.stats.subgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.icpengine.stats.ReferenceData;

/**
 * The German credit reference data (REFERENCE.md, subgroup discovery), read from its CSV: a header
 * and 1000 rows, fields quoted where they contain commas.
 */
final class GermanCredit {

    final List<String> header;
    final List<String[]> rows;

    private GermanCredit(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static GermanCredit load() {
        try {
            String text = Files.readString(ReferenceData.path("german-credit/germancredit.csv"), StandardCharsets.UTF_8);
            List<List<String>> records = parse(text);
            List<String> header = records.get(0);
            List<String[]> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                if (r.size() != header.size()) {
                    throw new IllegalStateException("row " + rows.size() + " has " + r.size() + " fields");
                }
                rows.add(r.toArray(new String[0]));
            }
            return new GermanCredit(List.copyOf(header), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: fields separated by commas, optionally quoted with "" as an escaped quote. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    String[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    /** Whether every value of the column parses as a number. */
    boolean isNumeric(String name) {
        for (String v : column(name)) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The data set of every text (categorical) column except the target. */
    SubgroupData nominalData(String target) {
        SubgroupData.Builder b = SubgroupData.builder();
        for (String name : header) {
            if (!name.equals(target) && !isNumeric(name)) {
                b.nominal(name, column(name));
            }
        }
        return b.build();
    }
}
