/** A workspace folder and how it is laid out; start with {@link org.icpengine.core.workspace.Workspace}. */
package org.icpengine.core.workspace;
