package org.icpengine.errors;

/**
 * The data cannot identify the requested model or statistic, for example an sBG fit on a cohort in
 * which nobody churned, or a rate over an empty group (exit code 2).
 */
public class InsufficientDataException extends InputException {

    public InsufficientDataException(String message) {
        super(message);
    }
}
