package org.icpengine.core.demo;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict RFC 4180 reader for the tests: the whole file must be valid UTF-8 with
 * {@code '\n'} line endings, and every row must have as many fields as the header.
 */
final class CsvTable {

    private final Path path;
    private final String[] header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rows;

    private CsvTable(Path path, String[] header, List<String[]> rows) {
        this.path = path;
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.length; i++) {
            index.put(header[i], i);
        }
    }

    static CsvTable read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(path + " is not valid UTF-8", e);
        }
        if (text.indexOf('\r') >= 0) {
            throw new AssertionError(path + " contains a carriage return");
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError(path + " does not end with a newline");
        }
        List<String[]> all = parse(text, path);
        String[] header = all.remove(0);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).length != header.length) {
                throw new AssertionError(path + " row " + (i + 2) + " has " + all.get(i).length + " fields, header has "
                        + header.length);
            }
        }
        return new CsvTable(path, header, all);
    }

    private static List<String[]> parse(String text, Path path) {
        List<String[]> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (fields.isEmpty() && field.length() == 0) {
                // Fast path for a whole line without quotes.
                int end = text.indexOf('\n', i);
                boolean quoted = false;
                for (int k = i; k < end && !quoted; k++) {
                    quoted = text.charAt(k) == '"';
                }
                if (end >= 0 && !quoted) {
                    out.add(text.substring(i, end).split(",", -1));
                    i = end + 1;
                    continue;
                }
            }
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new AssertionError(path + ": unterminated quoted field");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    throw new AssertionError(path + ": text after a closing quote at offset " + i);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                out.add(fields.toArray(new String[0]));
                fields.clear();
                i++;
            } else {
                if (c == '"') {
                    throw new AssertionError(path + ": bare quote inside an unquoted field at offset " + i);
                }
                field.append(c);
                i++;
            }
        }
        return out;
    }

    Path path() {
        return path;
    }

    String[] header() {
        return header.clone();
    }

    List<String[]> rows() {
        return rows;
    }

    int size() {
        return rows.size();
    }

    /** The index of a column; fails the test if it is missing. */
    int col(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new AssertionError(path + " has no column " + name);
        }
        return i;
    }

    /** All values of one column, in row order. */
    List<String> column(String name) {
        int c = col(name);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(r[c]);
        }
        return out;
    }
}
