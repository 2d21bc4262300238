package com.enrollbot.core.directory;

import java.util.Arrays;
import java.util.Objects;

/** An encrypted client secret and the id of the key that sealed it (so keys can be rotated later). */
public record SealedSecret(byte[] ciphertext, String keyId) {

    public SealedSecret {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(keyId, "keyId");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && keyId.equals(that.keyId) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
