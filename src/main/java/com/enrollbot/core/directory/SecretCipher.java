package com.enrollbot.core.directory;

/**
 * Port: encrypts directory client secrets at rest. {@code context} (the directory id) is bound into the
 * ciphertext, so a sealed secret copied onto another directory's row does not open there.
 */
public interface SecretCipher {

    SealedSecret seal(String plaintext, String context);

    /**
     * @throws SecretUnavailableException when the secret was sealed under a key this instance does not hold,
     *                                    or the ciphertext or its context was altered
     */
    String open(SealedSecret sealed, String context);
}
