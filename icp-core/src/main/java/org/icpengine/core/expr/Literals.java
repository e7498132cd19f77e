package org.icpengine.core.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and printing of date and timestamp text, shared by the parser and the row predicate. */
final class Literals {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?)?Z?");
    private static final DateTimeFormatter TIMESTAMP_OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter();

    private Literals() {
    }

    /**
     * The date written {@code yyyy-mm-dd}.
     *
     * @throws DateTimeException with a message fit for users if the text is not such a date
     */
    static LocalDate parseDate(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new DateTimeException("'" + Texts.abbreviate(text) + "' is not a date written yyyy-mm-dd");
        }
        try {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + text + "' is not a valid date (" + e.getMessage() + ")");
        }
    }

    /**
     * The timestamp written {@code yyyy-mm-dd}, {@code yyyy-mm-dd hh:mm}, {@code yyyy-mm-dd hh:mm:ss} or
     * with up to 6 fractional digits, {@code T} or a space between date and time, optionally ending in
     * {@code Z} (timestamps are UTC). A date alone means midnight.
     *
     * @throws DateTimeException with a message fit for users if the text is not such a timestamp
     */
    static LocalDateTime parseTimestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            throw new DateTimeException("'" + Texts.abbreviate(text)
                    + "' is not a timestamp written yyyy-mm-dd or yyyy-mm-dd hh:mm:ss");
        }
        try {
            LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            if (m.group(4) == null) {
                return date.atStartOfDay();
            }
            int second = m.group(6) == null ? 0 : num(m, 6);
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000").substring(0, 6);
                nanos = Integer.parseInt(fraction) * 1_000;
            }
            return date.atTime(num(m, 4), num(m, 5), second, nanos);
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + text + "' is not a valid timestamp (" + e.getMessage() + ")");
        }
    }

    static String formatDate(LocalDate date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    static String formatTimestamp(LocalDateTime timestamp) {
        return TIMESTAMP_OUT.format(timestamp);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
