package com.enrollbot.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.enrollbot.core.directory.SealedSecret;
import com.enrollbot.core.directory.SecretCipher;
import com.enrollbot.core.directory.SecretUnavailableException;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per encryption, stored as {@code nonce || ciphertext || tag}.
 * The context (directory id) is the associated data, so a ciphertext moved to another row fails to open. The
 * key id is derived from the key itself: a row sealed under another key is recognised instead of failing as
 * "tampered", which is what a later key rotation needs.
 */
public final class AesGcmSecretCipher implements SecretCipher {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public AesGcmSecretCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyIdOf(key);
    }

    /** A short public name for the key: the start of a SHA-256 over a label and the key (reveals nothing of it). */
    public static String keyIdOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("enrollbot secret key id v1".getBytes(StandardCharsets.US_ASCII));
            return "aesgcm-" + HexFormat.of().formatHex(sha256.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public SealedSecret seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new SealedSecret(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array(), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public String open(SealedSecret sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        if (!keyId.equals(sealed.keyId())) {
            throw new SecretUnavailableException("secret sealed under key " + sealed.keyId()
                    + ", but SECRET_ENCRYPTION_KEY is key " + keyId);
        }
        byte[] bytes = sealed.ciphertext();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnavailableException("sealed secret is too short to be AES-GCM output");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnavailableException("sealed secret failed authentication: altered, or moved from another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSecretCipher[keyId=" + keyId + "]";
    }
}
