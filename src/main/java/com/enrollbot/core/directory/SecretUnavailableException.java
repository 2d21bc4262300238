package com.enrollbot.core.directory;

/** A stored secret cannot be opened: unknown key id, or ciphertext altered. The message never carries key or secret. */
public final class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String message) {
        super(message);
    }
}
