package org.icpengine.server.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files the exports step writes (RFC 4180: comma-separated, {@code "} quotes, doubled quotes inside
 * quotes, LF or CRLF line ends) into records of text cells. A final line end is optional; an empty text has no
 * record.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** The records of a CSV text, header included. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // the '\n' that follows ends the record
                }
                case '\n' -> {
                    record.add(cell.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
