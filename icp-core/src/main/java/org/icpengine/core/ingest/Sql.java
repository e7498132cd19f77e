package org.icpengine.core.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL text under construction with its bind parameters in order. Values from users and files only
 * ever enter as parameters; the text holds trusted identifiers and keywords.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Sql sql(String trusted) {
        text.append(trusted);
        return this;
    }

    Sql param(Object value) {
        text.append('?');
        params.add(value);
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return params;
    }

    static Sql of(String trusted) {
        return new Sql().sql(trusted);
    }

    Sql copy() {
        return new Sql().append(this);
    }
}
