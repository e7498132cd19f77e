/**
 * The canonical tables every source is mapped onto: columns, types, keys and checks. Start with
 * {@link org.icpengine.core.schema.CanonicalTable}.
 */
package org.icpengine.core.schema;
