package org.icpengine.core.config;

import java.util.List;

/**
 * A use case: the event names (globs, {@code *} and {@code ?}) that count as using it.
 *
 * @param name      the use case
 * @param events    event-name globs
 * @param highValue whether it is a high-value use case
 */
public record UseCase(String name, List<String> events, boolean highValue) {
    public UseCase {
        events = List.copyOf(events);
    }
}
