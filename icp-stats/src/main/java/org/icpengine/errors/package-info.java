/**
 * The exception hierarchy shared by every module: {@link org.icpengine.errors.IcpException} and its
 * subtypes for bad input, bad configuration and insufficient data. The CLI and the server map these
 * to exit codes and JSON errors in one place each.
 */
package org.icpengine.errors;
