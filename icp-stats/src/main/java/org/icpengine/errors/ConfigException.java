package org.icpengine.errors;

/** A workspace configuration ({@code icp.yaml}) that is malformed or inconsistent (exit code 2). */
public class ConfigException extends InputException {

    public ConfigException(String message) {
        super(message);
    }
}
