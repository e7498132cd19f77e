package org.icpengine.core.pipeline.discover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule in words and in the expression language. The sentence reads subject first ("Fintech or SaaS
 * companies"), then where, size, revenue and custom attributes ("with 51–200 employees"), then technology
 * ("using Snowflake", "not using HubSpot"), then the effect: "3.1× the ideal rate, n = 84".
 */
final class RuleWords {

    private RuleWords() {
    }

    static String sentence(List<IcpRule.Condition> conditions, Map<String, Rules.Attribute> attributes, double lift,
                           int n) {
        String subject = "Companies";
        List<String> where = new ArrayList<>();
        List<String> with = new ArrayList<>();
        List<String> using = new ArrayList<>();
        List<String> notUsing = new ArrayList<>();
        for (IcpRule.Condition c : conditions) {
            String a = c.attribute();
            if (a.equals("industry")) {
                subject = String.join(" or ", c.values()) + " companies";
            } else if (a.equals("country") || a.equals("region")) {
                where.add("in " + String.join(" or ", c.values()));
            } else if (a.startsWith("has_") && c.values().size() == 1) {
                (c.values().get(0).equals("true") ? using : notUsing).add(techName(a.substring(4)));
            } else if (a.equals("employees")) {
                with.add(range(c, attributes.get(a)) + " employees");
            } else if (a.equals("annual_revenue")) {
                with.add("revenue " + money(c));
            } else if (!c.values().isEmpty()) {
                with.add(words(a) + " " + String.join(" or ", c.values()));
            } else {
                with.add(words(a) + " " + range(c, attributes.get(a)));
            }
        }
        StringBuilder sb = new StringBuilder(subject);
        for (String w : where) {
            sb.append(' ').append(w);
        }
        if (!with.isEmpty()) {
            sb.append(" with ").append(String.join(" and ", with));
        }
        if (!using.isEmpty()) {
            sb.append(" using ").append(String.join(" and ", using));
        }
        if (!notUsing.isEmpty()) {
            sb.append(using.isEmpty() ? " " : " and ").append("not using ")
                    .append(String.join(" or ", notUsing));
        }
        sb.append(String.format(Locale.ROOT, ": %.1f× the ideal rate, n = %,d", lift, n));
        return sb.toString();
    }

    /** The rule in the expression language of {@code icp.yaml}. */
    static String expression(List<IcpRule.Condition> conditions, Map<String, Rules.Attribute> attributes) {
        List<String> parts = new ArrayList<>();
        for (IcpRule.Condition c : conditions) {
            String a = c.attribute();
            Rules.Attribute attr = attributes.get(a);
            if (!c.values().isEmpty()) {
                boolean bool = c.values().stream().allMatch(v -> v.equals("true") || v.equals("false"))
                        && isBoolean(attr);
                if (bool && c.values().size() == 1) {
                    parts.add(c.values().get(0).equals("true") ? a : "not " + a);
                } else if (bool) {
                    parts.add(a + " is not null");
                } else if (c.values().size() == 1) {
                    parts.add(a + " = " + quote(c.values().get(0)));
                } else {
                    List<String> q = c.values().stream().map(RuleWords::quote).toList();
                    parts.add(a + " in (" + String.join(", ", q) + ")");
                }
            } else {
                boolean integer = attr != null && attr.integer();
                if (integer && c.lower() != null && c.upper() != null) {
                    parts.add(a + " between " + number(c.lower()) + " and " + number(c.upper() - 1));
                } else {
                    if (c.lower() != null) {
                        parts.add(a + " >= " + number(c.lower()));
                    }
                    if (c.upper() != null) {
                        parts.add(integer ? a + " <= " + number(c.upper() - 1) : a + " < " + number(c.upper()));
                    }
                }
            }
        }
        return String.join(" and ", parts);
    }

    private static boolean isBoolean(Rules.Attribute a) {
        if (a == null || a.nominal() == null) {
            return false;
        }
        for (String v : a.nominal()) {
            if (v != null && !v.equals("true") && !v.equals("false")) {
                return false;
            }
        }
        return true;
    }

    /** An interval as people say it: "51–200", "201 or more", "up to 50" (integer upper bounds are inclusive). */
    private static String range(IcpRule.Condition c, Rules.Attribute a) {
        boolean integer = a != null && a.integer();
        String lo = c.lower() == null ? null : grouped(c.lower());
        String hi = c.upper() == null ? null : integer ? grouped(c.upper() - 1) : grouped(c.upper());
        if (lo != null && hi != null) {
            return integer ? lo + "–" + hi : lo + " to under " + hi;
        }
        if (lo != null) {
            return lo + " or more";
        }
        return integer ? "up to " + hi : "under " + hi;
    }

    private static String money(IcpRule.Condition c) {
        String lo = c.lower() == null ? null : short$(c.lower());
        String hi = c.upper() == null ? null : short$(c.upper());
        if (lo != null && hi != null) {
            return "of " + lo + "–" + hi;
        }
        return lo != null ? "of " + lo + " or more" : "below " + hi;
    }

    /** 1500000 → "1.5M", 20000 → "20K". */
    private static String short$(double v) {
        if (Math.abs(v) >= 1e9) {
            return number(v / 1e9) + "B";
        }
        if (Math.abs(v) >= 1e6) {
            return number(v / 1e6) + "M";
        }
        if (Math.abs(v) >= 1e3) {
            return number(v / 1e3) + "K";
        }
        return number(v);
    }

    /** "snowflake" → "Snowflake", "aws" → "AWS", "hubspot" → "Hubspot". */
    static String techName(String tech) {
        if (tech.length() <= 3) {
            return tech.toUpperCase(Locale.ROOT);
        }
        return Character.toUpperCase(tech.charAt(0)) + tech.substring(1);
    }

    /** "funding_stage" → "funding stage". */
    static String words(String column) {
        return column.replace('_', ' ');
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String grouped(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return number(v);
    }
}
