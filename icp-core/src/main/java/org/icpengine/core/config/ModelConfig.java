package org.icpengine.core.config;

import java.util.List;

/**
 * The inputs of one learned scorecard ({@code fit}, {@code conversion}, {@code health}).
 *
 * @param name       the model's name
 * @param attributes the columns it may use
 */
public record ModelConfig(String name, List<String> attributes) {
    public ModelConfig {
        attributes = List.copyOf(attributes);
    }
}
