package org.icpengine.core.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.icpengine.errors.ConfigException;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node with its dotted key path and position, so every configuration error can name the
 * file, line and key. Accessors throw {@link ConfigException} saying what was expected.
 */
final class YamlNode {

    private final Path file;
    private final String path;
    private final Node node;

    YamlNode(Path file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** {@code file:line:column: key: } prefix for messages. */
    String where() {
        Optional<Mark> mark = node.getStartMark();
        String pos = mark.map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
        return file.getFileName() + pos + ": " + (path.isEmpty() ? "" : path + ": ");
    }

    ConfigException error(String message) {
        return new ConfigException(where() + message);
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The entries of a mapping, in order; rejects duplicate keys and keys not in {@code allowed} (null = any). */
    Map<String, YamlNode> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value lines), got " + describe());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(file, path, t.getKeyNode()).error("keys must be plain text");
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode keyNode = new YamlNode(file, childPath, k);
            if (allowed != null && !allowed.contains(key)) {
                throw keyNode.error("unknown key '" + key + "'; expected one of " + String.join(", ", allowed)
                        + Suggest.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)").orElse(""));
            }
            if (out.containsKey(key)) {
                throw keyNode.error("duplicate key '" + key + "'");
            }
            out.put(key, new YamlNode(file, childPath, t.getValueNode()));
        }
        return out;
    }

    /** Items of a sequence; a single scalar is accepted as a one-item list when {@code scalarOk}. */
    List<YamlNode> sequence(boolean scalarOk) {
        if (node instanceof SequenceNode s) {
            List<YamlNode> out = new ArrayList<>();
            int i = 0;
            for (Node n : s.getValue()) {
                out.add(new YamlNode(file, path + "[" + i++ + "]", n));
            }
            return out;
        }
        if (scalarOk && node instanceof ScalarNode && !isNull()) {
            return List.of(this);
        }
        throw error("expected a list ([a, b] or '- item' lines), got " + describe());
    }

    /** A scalar as text (numbers and booleans as written). */
    String text() {
        if (node instanceof ScalarNode s && !isNull()) {
            return s.getValue();
        }
        if (isNull()) {
            throw error("expected a value, got nothing");
        }
        throw error("expected a single value, got " + describe());
    }

    /** Text that must not be empty. */
    String nonEmptyText() {
        String t = text();
        if (t.isBlank()) {
            throw error("expected a non-empty value");
        }
        return t;
    }

    double number() {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))
                && s.getScalarStyle() == ScalarStyle.PLAIN) {
            try {
                return new BigDecimal(s.getValue().replace("_", "")).doubleValue();
            } catch (NumberFormatException e) {
                throw error("expected a number, got '" + s.getValue() + "'");
            }
        }
        throw error("expected a number, got " + describe());
    }

    double number(double min, double max) {
        double v = number();
        if (v < min || v > max) {
            throw error(max == Double.MAX_VALUE ? "expected a number >= " + fmt(min) + ", got " + fmt(v)
                    : "expected a number between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(v));
        }
        return v;
    }

    int integer(int min, int max) {
        double v = number();
        if (v != Math.rint(v)) {
            throw error("expected a whole number, got " + fmt(v));
        }
        if (v < min || v > max) {
            throw error("expected a whole number between " + min + " and " + max + ", got " + fmt(v));
        }
        return (int) v;
    }

    boolean bool() {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        throw error("expected true or false, got " + describe());
    }

    LocalDate date() {
        String t = text();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw error("expected a date as yyyy-mm-dd, got '" + t + "'");
        }
    }

    List<String> textList() {
        List<String> out = new ArrayList<>();
        for (YamlNode n : sequence(true)) {
            out.add(n.text());
        }
        return out;
    }

    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Closest-name suggestions for typos. */
    static final class Suggest {
        private Suggest() {
        }

        static Optional<String> closest(String word, Collection<String> candidates) {
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (String c : candidates) {
                int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            return best != null && bestD <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
        }

        static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
