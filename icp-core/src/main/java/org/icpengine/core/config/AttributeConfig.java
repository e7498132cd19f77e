package org.icpengine.core.config;

import java.util.Objects;

/**
 * A custom column kept as a candidate indicator.
 *
 * @param name   the attribute's name in the store and in expressions
 * @param column the source column it is read from
 * @param type   its declared type
 */
public record AttributeConfig(String name, String column, AttributeType type) {
    public AttributeConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(column);
        Objects.requireNonNull(type);
    }
}
