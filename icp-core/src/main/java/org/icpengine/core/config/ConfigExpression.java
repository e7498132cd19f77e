package org.icpengine.core.config;

/**
 * An expression written in {@code icp.yaml}, with where it was written so that a later error can point
 * at it.
 *
 * @param text  the expression as written
 * @param where {@code file:line:column: key: } of the value
 */
public record ConfigExpression(String text, String where) {
}
