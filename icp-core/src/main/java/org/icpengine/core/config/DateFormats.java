package org.icpengine.core.config;

/**
 * Translates the Java-style date patterns of {@code date_format} ({@code yyyy-MM-dd}, {@code dd/MM/yyyy},
 * {@code MM/dd/yyyy HH:mm}) to the strptime format the store's readers use.
 *
 * <p>Supported letters: {@code yyyy yy MM M MMM MMMM dd d HH H mm ss SSS a}, with {@code 'quoted'}
 * literals; anything else is rejected with a message naming the letter. A pattern that already contains
 * {@code %} is taken as strptime as it is.
 */
public final class DateFormats {

    private DateFormats() {
    }

    /** The strptime equivalent of a Java-style pattern; {@link IllegalArgumentException} when unsupported. */
    public static String toStrptime(String pattern) {
        if (pattern.indexOf('%') >= 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote in date pattern '" + pattern + "'");
                }
                out.append(pattern, i + 1, end);
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < pattern.length() && pattern.charAt(j) == c) {
                j++;
            }
            int n = j - i;
            String piece = switch (c) {
                case 'y', 'u' -> n == 2 ? "%y" : n == 4 ? "%Y" : null;
                case 'M' -> n <= 2 ? "%m" : n == 3 ? "%b" : n == 4 ? "%B" : null;
                case 'd' -> n <= 2 ? "%d" : null;
                case 'H' -> n <= 2 ? "%H" : null;
                case 'h' -> n <= 2 ? "%I" : null;
                case 'm' -> n <= 2 ? "%M" : null;
                case 's' -> n <= 2 ? "%S" : null;
                case 'S' -> n == 3 ? "%g" : n == 6 ? "%f" : null;
                case 'a' -> n == 1 ? "%p" : null;
                case 'E' -> n == 3 ? "%a" : n == 4 ? "%A" : null;
                case 'X', 'Z' -> "%z";
                default -> null;
            };
            if (piece == null) {
                throw new IllegalArgumentException("unsupported date pattern letters '" + pattern.substring(i, j)
                        + "' in '" + pattern + "'; supported: yyyy yy MM M MMM MMMM dd d HH H hh mm ss SSS a EEE");
            }
            out.append(piece);
            i = j;
        }
        return out.toString();
    }
}
