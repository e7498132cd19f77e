package org.icpengine.core.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A constant in an expression. In SQL every literal becomes a {@code ?} bind parameter whose Java value
 * is {@link #sqlValue()}; it is never written into the SQL text.
 */
public sealed interface Literal {

    /**
     * The value bound for this literal: {@link String}, {@link Long} (whole numbers), {@link Double}
     * (decimals), {@link LocalDate}, {@link LocalDateTime} or {@link Boolean}.
     */
    Object sqlValue();

    /** The literal as written in an expression, such as {@code 'O''Brien'} or {@code date '2026-01-31'}. */
    String text();

    /** A text value; written in single quotes, a quote inside doubled. */
    record TextValue(String value) implements Literal {
        public TextValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Object sqlValue() {
            return value;
        }

        @Override
        public String text() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /**
     * A number, kept as written. A number with scale ≤ 0 (written without a decimal point) is whole and is
     * bound as a {@link Long}, so it compares exactly with integer and decimal columns; one with a decimal
     * point is bound as a {@link Double}, and compares in double precision, as SQL compares a decimal
     * column with a double.
     *
     * @param value the number; a whole number must fit in a {@code long}, a decimal must be finite as a
     *              {@code double}
     */
    record NumberValue(BigDecimal value) implements Literal {
        public NumberValue {
            Objects.requireNonNull(value, "value");
            if (value.scale() <= 0) {
                try {
                    value.longValueExact();
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("whole number out of the 64-bit range: " + value, e);
                }
            } else if (Double.isInfinite(value.doubleValue())) {
                throw new IllegalArgumentException("number out of the double range: " + value);
            }
        }

        /** Whether this number is whole (written without a decimal point) and binds as a {@link Long}. */
        public boolean isWhole() {
            return value.scale() <= 0;
        }

        @Override
        public Object sqlValue() {
            return isWhole() ? (Object) value.longValueExact() : (Object) value.doubleValue();
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    /** A calendar date, written {@code date 'yyyy-mm-dd'}. */
    record DateValue(LocalDate value) implements Literal {
        public DateValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Object sqlValue() {
            return value;
        }

        @Override
        public String text() {
            return "date '" + Literals.formatDate(value) + "'";
        }
    }

    /**
     * A date and time in UTC, written {@code timestamp 'yyyy-mm-dd hh:mm:ss[.ffffff]'}.
     *
     * @param value the timestamp, at most microsecond precision (as DuckDB and Spark store it)
     */
    record TimestampValue(LocalDateTime value) implements Literal {
        public TimestampValue {
            Objects.requireNonNull(value, "value");
            if (value.getNano() % 1_000 != 0) {
                throw new IllegalArgumentException("timestamps have microsecond precision: " + value);
            }
        }

        @Override
        public Object sqlValue() {
            return value;
        }

        @Override
        public String text() {
            return "timestamp '" + Literals.formatTimestamp(value) + "'";
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanValue(boolean value) implements Literal {
        @Override
        public Object sqlValue() {
            return value;
        }

        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }
}
