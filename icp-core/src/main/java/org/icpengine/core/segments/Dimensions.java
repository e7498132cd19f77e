package org.icpengine.core.segments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.AttributeType;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.InputException;

/** The dimensions a workspace's accounts can be segmented by, and the check of requested ones. */
final class Dimensions {

    /** Firmographic columns of DESIGN.md "Metrics" that make sense as groups (not ids, names or numbers). */
    private static final List<String> FIRMOGRAPHICS = List.of(
            "industry", "employees_band", "revenue_band", "country", "region", "acquisition_channel");

    private Dimensions() {
    }

    /**
     * The allowed dimensions with their stored type: the firmographics, one {@code has_<tech>} per
     * {@code tech_stack_flags} entry, and the custom category and boolean attributes of the accounts source.
     */
    static Map<String, ColumnType> allowed(WorkspaceConfig config) {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        for (String f : FIRMOGRAPHICS) {
            m.put(f, ColumnType.TEXT);
        }
        for (String tech : config.techStackFlags()) {
            m.put("has_" + tech, ColumnType.BOOL);
        }
        for (AttributeConfig a : config.accountAttributes().values()) {
            if (a.type() == AttributeType.CATEGORY || a.type() == AttributeType.BOOLEAN) {
                m.putIfAbsent(a.name(), a.type().columnType());
            }
        }
        return m;
    }

    /**
     * The requested dimensions as declared, matched case-insensitively.
     *
     * @throws InputException naming the first unknown or repeated dimension and listing the allowed ones
     */
    static List<String> resolve(List<String> requested, WorkspaceConfig config) {
        Map<String, ColumnType> allowed = allowed(config);
        Map<String, String> byLower = new LinkedHashMap<>();
        allowed.keySet().forEach(n -> byLower.put(n.toLowerCase(Locale.ROOT), n));
        List<String> out = new ArrayList<>();
        for (String r : requested) {
            String name = byLower.get(r.strip().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new InputException("unknown segment dimension '" + printable(r) + "'" + why(r, config)
                        + "; allowed dimensions: " + String.join(", ", allowed.keySet()));
            }
            if (out.contains(name)) {
                throw new InputException("segment dimension '" + name + "' is given twice");
            }
            out.add(name);
        }
        return out;
    }

    private static String why(String requested, WorkspaceConfig config) {
        String r = requested.strip().toLowerCase(Locale.ROOT);
        AttributeConfig a = config.accountAttributes().get(r);
        if (a != null) {
            return " (attribute of type " + a.type().yamlName() + "; only category and boolean attributes are dimensions)";
        }
        if (r.equals("employees") || r.equals("annual_revenue")) {
            return " (a number; group by its band, " + (r.equals("employees") ? "employees_band" : "revenue_band") + ")";
        }
        if (r.startsWith("has_")) {
            return " (add '" + r.substring(4) + "' to tech_stack_flags in icp.yaml to make it a flag)";
        }
        return "";
    }

    /** At most 60 characters of user text, control characters shown as '?'. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(60).forEach(cp -> sb.appendCodePoint(
                Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? '?' : cp));
        return text.codePointCount(0, text.length()) > 60 ? sb + "…" : sb.toString();
    }
}
