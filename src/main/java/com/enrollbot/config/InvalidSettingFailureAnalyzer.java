package com.enrollbot.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into Spring Boot's short startup failure report instead of a stack trace. */
final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(
                "Invalid configuration: " + cause.getMessage(),
                "Set the environment variable " + cause.variable() + " correctly (see the configuration table in README.md).",
                cause);
    }
}
