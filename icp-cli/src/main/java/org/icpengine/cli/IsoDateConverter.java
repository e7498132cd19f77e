package org.icpengine.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a date option such as {@code --as-of} as an ISO date {@code yyyy-mm-dd}; every command uses this one. */
final class IsoDateConverter implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expected a date yyyy-mm-dd, got '" + value + "'");
        }
    }
}
