package com.enrollbot.config;

/**
 * A configuration value is missing or malformed. The message is one line that names the variable and
 * never repeats a secret value.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String variable;

    public InvalidSettingException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
