package com.enrollbot.core.directory;

/**
 * The registration dialog as typed: values are raw text, validated by {@link DirectoryService}, so each problem
 * can be named next to its field. {@code requestKey} was put into the dialog when it opened.
 * CAUTION: carries the secret in plaintext; {@link #toString()} redacts it.
 */
public record RegistrationForm(String requestKey, String displayName, String tenantId, String clientId,
                               String secret, String secretExpiresOn, boolean saveIfCheckFails) {

    public RegistrationForm {
        requestKey = trimmed(requestKey);
        displayName = trimmed(displayName);
        tenantId = trimmed(tenantId);
        clientId = trimmed(clientId);
        secret = secret == null ? "" : secret.strip();
        secretExpiresOn = trimmed(secretExpiresOn);
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() {
        return "RegistrationForm[requestKey=" + requestKey + ", displayName=" + displayName + ", tenantId=" + tenantId
                + ", clientId=" + clientId + ", secret=<redacted>, secretExpiresOn=" + secretExpiresOn
                + ", saveIfCheckFails=" + saveIfCheckFails + "]";
    }
}
