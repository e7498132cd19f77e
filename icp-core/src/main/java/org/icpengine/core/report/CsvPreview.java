package org.icpengine.core.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.errors.InputException;

/**
 * The header and first rows of an RFC 4180 CSV file (quoted fields with doubled quotes and line breaks), for the
 * report's previews of the team exports.
 *
 * @param header the first record
 * @param rows   up to the requested number of following records, each padded or cut to the header's width
 * @param total  records after the header in the whole file
 */
record CsvPreview(List<String> header, List<List<String>> rows, long total) {

    /** Reads {@code file}; an empty file has no header and no rows. */
    static CsvPreview read(Path file, int limit) {
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> record;
            boolean first = true;
            while ((record = next(in)) != null) {
                if (first) {
                    header = record;
                    first = false;
                    continue;
                }
                total++;
                if (rows.size() < limit) {
                    List<String> r = new ArrayList<>(record);
                    while (r.size() < header.size()) {
                        r.add("");
                    }
                    rows.add(r.subList(0, header.size()));
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new CsvPreview(header, rows, total);
    }

    /** The next record, or {@code null} at the end. */
    private static List<String> next(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int d = in.read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (d != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
