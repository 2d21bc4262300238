package com.enrollbot.core.directory;

/**
 * The manage dialog as typed: new name and expiry, and a new secret or "" to keep the current one.
 * CAUTION: carries the secret in plaintext; {@link #toString()} redacts it.
 */
public record ManageForm(String displayName, String secretExpiresOn, String newSecret, boolean saveIfCheckFails) {

    public ManageForm {
        displayName = RegistrationForm.trimmed(displayName);
        secretExpiresOn = RegistrationForm.trimmed(secretExpiresOn);
        newSecret = newSecret == null ? "" : newSecret.strip();
    }

    public boolean rotatesSecret() {
        return !newSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "ManageForm[displayName=" + displayName + ", secretExpiresOn=" + secretExpiresOn + ", newSecret="
                + (rotatesSecret() ? "<redacted>" : "") + ", saveIfCheckFails=" + saveIfCheckFails + "]";
    }
}
