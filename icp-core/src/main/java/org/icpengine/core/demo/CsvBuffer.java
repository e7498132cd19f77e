package org.icpengine.core.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that builds CSV rows: RFC 4180 quoting where a field needs it, a
 * comma between fields, {@code '\n'} after each row, and allocation-free formatting of integers,
 * fixed-point money, ISO dates ({@code yyyy-MM-dd}) and UTC timestamps
 * ({@code yyyy-MM-ddTHH:mm:ssZ}).
 *
 * <p>Numbers never go through {@code String.format} or {@code Double.toString}, so the bytes do not
 * depend on the locale or the JDK. Not thread safe; one buffer per writer or per parallel block.
 */
final class CsvBuffer {

    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes;
    private int size;
    private boolean rowStart = true;
    private long rows;

    CsvBuffer(int initialCapacity) {
        this.bytes = new byte[Math.max(64, initialCapacity)];
    }

    /** The number of bytes held. */
    int size() {
        return size;
    }

    /** The number of rows completed with {@link #endRow()} since creation (not reset by {@link #clear()}). */
    long rows() {
        return rows;
    }

    /** Writes the held bytes to {@code out} and empties the buffer. */
    void drainTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        size = 0;
    }

    /** Empties the buffer (the row count is kept). */
    void clear() {
        size = 0;
    }

    /** A copy of the held bytes. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Writes a header row of plain names. */
    CsvBuffer header(String... names) {
        for (String name : names) {
            text(name);
        }
        return endRow();
    }

    /** Ends the current row with {@code '\n'}. */
    CsvBuffer endRow() {
        ensure(1);
        bytes[size++] = '\n';
        rowStart = true;
        rows++;
        return this;
    }

    /** Writes an empty field (a null). */
    CsvBuffer empty() {
        separator();
        return this;
    }

    /** Writes a text field, quoted per RFC 4180 if it holds a comma, quote, CR or LF; null is empty. */
    CsvBuffer text(String value) {
        separator();
        if (value == null || value.isEmpty()) {
            return this;
        }
        int n = value.length();
        boolean ascii = true;
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
            }
        }
        if (ascii && !quote) {
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) value.charAt(i);
            }
            return this;
        }
        String body = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
        byte[] encoded = body.getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return this;
    }

    /**
     * Writes a field from pre-encoded ASCII bytes that need no quoting (identifiers, event names).
     */
    CsvBuffer ascii(byte[] value) {
        separator();
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /** Writes a field made of a fixed ASCII prefix and a number zero-padded to {@code width} digits. */
    CsvBuffer id(byte[] prefix, long number, int width) {
        separator();
        ensure(prefix.length + 20);
        System.arraycopy(prefix, 0, bytes, size, prefix.length);
        size += prefix.length;
        padded(number, width);
        return this;
    }

    /** Appends, inside the current field, a separator byte and a zero-padded number (e.g. user suffixes). */
    CsvBuffer idSuffix(char separator, long number, int width) {
        ensure(21);
        bytes[size++] = (byte) separator;
        padded(number, width);
        return this;
    }

    /** Writes an integer field. */
    CsvBuffer number(long value) {
        separator();
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        digits(value);
        return this;
    }

    /** Writes an amount given in cents with exactly two decimals, e.g. {@code 1234.50}. */
    CsvBuffer money(long cents) {
        separator();
        ensure(24);
        if (cents < 0) {
            bytes[size++] = '-';
            cents = -cents;
        }
        digits(cents / 100);
        bytes[size++] = '.';
        twoDigits((int) (cents % 100));
        return this;
    }

    /** Writes {@code true} or {@code false}. */
    CsvBuffer bool(boolean value) {
        separator();
        byte[] b = value ? TRUE : FALSE;
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /** Writes the ISO date of {@code epochDay} ({@code yyyy-MM-dd}). */
    CsvBuffer date(long epochDay) {
        separator();
        ensure(10);
        civilDate(epochDay);
        return this;
    }

    /** Writes the UTC timestamp of {@code epochSecond} as {@code yyyy-MM-ddTHH:mm:ssZ}. */
    CsvBuffer timestamp(long epochSecond) {
        separator();
        ensure(20);
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        civilDate(day);
        bytes[size++] = 'T';
        twoDigits(secondOfDay / 3600);
        bytes[size++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        bytes[size++] = ':';
        twoDigits(secondOfDay % 60);
        bytes[size++] = 'Z';
        return this;
    }

    private void separator() {
        if (rowStart) {
            rowStart = false;
        } else {
            ensure(1);
            bytes[size++] = ',';
        }
    }

    // Howard Hinnant's days-to-civil algorithm for the proleptic Gregorian calendar; years 0..9999.
    private void civilDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        twoDigits(year / 100);
        twoDigits(year % 100);
        bytes[size++] = '-';
        twoDigits(month);
        bytes[size++] = '-';
        twoDigits(day);
    }

    private void twoDigits(int value) {
        bytes[size++] = DIGIT_PAIRS[2 * value];
        bytes[size++] = DIGIT_PAIRS[2 * value + 1];
    }

    private void digits(long value) {
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        reverse(start, size - 1);
    }

    private void padded(long value, int width) {
        int start = size;
        int count = 0;
        do {
            bytes[size++] = (byte) ('0' + value % 10);
            value /= 10;
            count++;
        } while (value != 0);
        while (count < width) {
            bytes[size++] = '0';
            count++;
        }
        reverse(start, size - 1);
    }

    private void reverse(int i, int j) {
        while (i < j) {
            byte t = bytes[i];
            bytes[i++] = bytes[j];
            bytes[j--] = t;
        }
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
