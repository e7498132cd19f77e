package org.icpengine.core.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;

import org.icpengine.errors.InputException;

/**
 * Conversion of row values and comparison with literals, following the SQL engines: text by code point,
 * whole-number literals exactly, decimal literals and double values in double precision with NaN
 * greatest, dates and timestamps chronologically.
 */
final class Comparisons {

    private Comparisons() {
    }

    /** Orders two literals of the same kind (used to reject empty ranges); 0 for different kinds. */
    static int compareLiterals(Literal a, Literal b) {
        if (a instanceof Literal.TextValue x && b instanceof Literal.TextValue y) {
            return Texts.compareCodePoints(x.value(), y.value());
        }
        if (a instanceof Literal.NumberValue x && b instanceof Literal.NumberValue y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Literal.DateValue x && b instanceof Literal.DateValue y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Literal.TimestampValue x && b instanceof Literal.TimestampValue y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Literal.BooleanValue x && b instanceof Literal.BooleanValue y) {
            return Boolean.compare(x.value(), y.value());
        }
        return 0;
    }

    /** Compares a non-null row value with a literal's value; negative, zero or positive. */
    interface ValueComparator {
        int compare(Object rowValue);
    }

    /** A comparator of row values of {@code column} against {@code literal}. */
    static ValueComparator comparator(String column, Literal literal) {
        if (literal instanceof Literal.TextValue t) {
            String value = t.value();
            return v -> Texts.compareCodePoints(text(column, v), value);
        }
        if (literal instanceof Literal.NumberValue n) {
            if (n.isWhole()) {
                long value = n.value().longValueExact();
                return v -> compareWithLong(column, v, value);
            }
            double value = n.value().doubleValue();
            return v -> compareDoubles(asDouble(column, v), value);
        }
        if (literal instanceof Literal.DateValue d) {
            LocalDate value = d.value();
            return v -> date(column, v).compareTo(value);
        }
        if (literal instanceof Literal.TimestampValue ts) {
            LocalDateTime value = ts.value();
            return v -> timestamp(column, v).compareTo(value);
        }
        if (literal instanceof Literal.BooleanValue b) {
            boolean value = b.value();
            return v -> Boolean.compare(bool(column, v), value);
        }
        throw new IllegalStateException("unknown literal " + literal.getClass().getName());
    }

    // ---- numbers ----------------------------------------------------------------------------------

    private static int compareWithLong(String column, Object v, long value) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Long.compare(((Number) v).longValue(), value);
        }
        if (v instanceof Double || v instanceof Float) {
            // SQL compares a double column with an integer in double precision
            return compareDoubles(((Number) v).doubleValue(), value);
        }
        if (v instanceof BigDecimal d) {
            return d.compareTo(BigDecimal.valueOf(value));
        }
        if (v instanceof BigInteger i) {
            return i.compareTo(BigInteger.valueOf(value));
        }
        if (v instanceof Number other) {
            return compareDoubles(other.doubleValue(), value);
        }
        if (v instanceof CharSequence s) {
            return parseNumber(column, s).compareTo(BigDecimal.valueOf(value));
        }
        throw wrongType(column, v, "a number");
    }

    private static double asDouble(String column, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof CharSequence s) {
            return parseNumber(column, s).doubleValue();
        }
        throw wrongType(column, v, "a number");
    }

    /** Orders doubles as SQL engines do: NaN equals NaN and is greater than everything; -0.0 equals 0.0. */
    private static int compareDoubles(double a, double b) {
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        if (nanA || nanB) {
            return Boolean.compare(nanA, nanB);
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    private static BigDecimal parseNumber(String column, CharSequence s) {
        try {
            return new BigDecimal(s.toString().trim());
        } catch (NumberFormatException e) {
            throw wrongType(column, s, "a number");
        }
    }

    // ---- other types ------------------------------------------------------------------------------

    static String text(String column, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return v.toString();
        }
        throw wrongType(column, v, "text");
    }

    private static LocalDate date(String column, Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof CharSequence s) {
            try {
                return Literals.parseDate(s.toString().trim());
            } catch (DateTimeException e) {
                throw wrongType(column, v, "a date");
            }
        }
        throw wrongType(column, v, "a date");
    }

    private static LocalDateTime timestamp(String column, Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof CharSequence s) {
            try {
                return Literals.parseTimestamp(s.toString().trim());
            } catch (DateTimeException e) {
                throw wrongType(column, v, "a timestamp");
            }
        }
        throw wrongType(column, v, "a timestamp");
    }

    static boolean bool(String column, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence s) {
            String t = s.toString().trim();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw wrongType(column, v, "true or false");
    }

    /** The elements of a list value. */
    static Collection<?> list(String column, Object v) {
        if (v instanceof Collection<?> c) {
            return c;
        }
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (v instanceof java.sql.Array a) {
            try {
                Object elements = a.getArray();
                if (elements instanceof Object[] arr) {
                    return Arrays.asList(arr);
                }
            } catch (SQLException e) {
                throw new InputException("column '" + column + "': cannot read the list value: " + e.getMessage(), e);
            }
        }
        throw wrongType(column, v, "a list");
    }

    private static InputException wrongType(String column, Object v, String expected) {
        String shown = v instanceof CharSequence ? "'" + Texts.abbreviate(v.toString()) + "'"
                : Texts.abbreviate(String.valueOf(v));
        return new InputException("column '" + column + "' has the value " + shown + " ("
                + v.getClass().getSimpleName() + "); expected " + expected);
    }
}
