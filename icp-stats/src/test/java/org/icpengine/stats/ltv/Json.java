package org.icpengine.stats.ltv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON round trips of the fitted models, as a caller would store them. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static <T> T roundTrip(T value, Class<T> type) {
        try {
            String text = MAPPER.writeValueAsString(value);
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
