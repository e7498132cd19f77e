package org.icpengine.core.metrics;

/**
 * Translates the event-name globs of {@code use_cases} ({@code *} any run of characters, {@code ?} one
 * character, everything else literal, case-sensitive) to SQL {@code LIKE} patterns used with
 * {@code ESCAPE '!'}: {@code %}, {@code _} and {@code !} are escaped with {@code !}. The escape character is
 * {@code !} rather than a backslash because Spark SQL reads a backslash in a string literal as an escape of
 * its own. The pattern is always a bind parameter, never SQL text.
 */
final class UseCasePatterns {

    /** The escape character of the patterns, for {@code ESCAPE '!'}. */
    static final char ESCAPE = '!';

    private UseCasePatterns() {
    }

    /** The {@code LIKE} pattern of a glob; {@code report_*} gives {@code report!_%}. */
    static String like(String glob) {
        StringBuilder b = new StringBuilder(glob.length() + 4);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> b.append('%');
                case '?' -> b.append('_');
                case '%', '_', ESCAPE -> b.append(ESCAPE).append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
