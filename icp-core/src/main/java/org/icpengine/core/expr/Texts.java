package org.icpengine.core.expr;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Small text helpers for messages: abbreviation, safe display, closest-name suggestions. */
final class Texts {

    private static final int ABBREVIATE_AT = 40;
    private static final int MAX_LISTED_NAMES = 60;
    private static final int MAX_SUGGESTION_INPUT = 64;

    private Texts() {
    }

    /** {@code text} cut to {@value #ABBREVIATE_AT} chars with an ellipsis, control characters shown as '?'. */
    static String abbreviate(String text) {
        String cut = text.length() <= ABBREVIATE_AT ? text : text.substring(0, ABBREVIATE_AT) + "…";
        return printable(cut);
    }

    /** {@code text} with every control or format character replaced by '?', one for one. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(isUnprintable(c) ? '?' : c);
        }
        return sb.toString();
    }

    static boolean isUnprintable(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    /** A character for a message: {@code 'é' (U+00E9)}, or just {@code U+0000} when unprintable. */
    static String describeCodePoint(int cp) {
        String hex = String.format(Locale.ROOT, "U+%04X", cp);
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE || Character.isWhitespace(cp)
                || Character.getType(cp) == Character.SPACE_SEPARATOR) {
            return hex;
        }
        return "'" + new String(Character.toChars(cp)) + "' (" + hex + ")";
    }

    /** The names joined for a message, at most {@value #MAX_LISTED_NAMES} of them. */
    static String listNames(Collection<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String name : names) {
            if (n == MAX_LISTED_NAMES) {
                sb.append(", … and ").append(names.size() - n).append(" more");
                break;
            }
            if (n++ > 0) {
                sb.append(", ");
            }
            sb.append(name);
        }
        return sb.toString();
    }

    /**
     * The candidate closest to {@code name} by Levenshtein distance (case-insensitive), if it is close
     * enough to be a likely typo: at most 1 edit for short names, up to a third of the length for long
     * ones. Ties go to the first candidate in iteration order.
     */
    static Optional<String> closest(String name, Collection<String> candidates) {
        if (name.length() > MAX_SUGGESTION_INPUT) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, lower.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance (insertions, deletions, substitutions each cost 1), two-row dynamic programme. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Compares two strings by Unicode code point, which is the byte order of their UTF-8 encodings. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
