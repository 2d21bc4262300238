package com.enrollbot.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import com.enrollbot.core.directory.SealedSecret;
import com.enrollbot.core.directory.SecretUnavailableException;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

    private static final String SECRET = "abc~123.DEF_456-ghi";
    private static final String DIRECTORY = "4f6c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(randomKey());

    @Test
    void sealThenOpenGivesTheSecretBackAndTheCiphertextHoldsNoPlaintext() {
        SealedSecret sealed = cipher.seal(SECRET, DIRECTORY);

        assertThat(cipher.open(sealed, DIRECTORY)).isEqualTo(SECRET);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(sealed.ciphertext()).hasSize(12 + SECRET.length() + 16);
        assertThat(sealed.keyId()).isEqualTo(cipher.keyId());
    }

    @Test
    void everySealUsesAFreshNonce() {
        SealedSecret first = cipher.seal(SECRET, DIRECTORY);
        SealedSecret second = cipher.seal(SECRET, DIRECTORY);

        assertThat(Arrays.copyOf(first.ciphertext(), 12)).isNotEqualTo(Arrays.copyOf(second.ciphertext(), 12));
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(cipher.open(second, DIRECTORY)).isEqualTo(SECRET);
    }

    @Test
    void openWhenAnyByteWasAlteredThenRefuses() {
        SealedSecret sealed = cipher.seal(SECRET, DIRECTORY);
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] tampered = sealed.ciphertext();
            tampered[i] ^= 0x01;
            SealedSecret altered = new SealedSecret(tampered, sealed.keyId());

            assertThatThrownBy(() -> cipher.open(altered, DIRECTORY))
                    .isInstanceOf(SecretUnavailableException.class)
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void openWhenTheCiphertextWasMovedToAnotherDirectoryThenRefuses() {
        SealedSecret sealed = cipher.seal(SECRET, DIRECTORY);

        assertThatThrownBy(() -> cipher.open(sealed, "another-directory"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("moved from another row");
    }

    @Test
    void openWhenSealedUnderAnotherKeyThenNamesBothKeyIdsAndNoKey() {
        AesGcmSecretCipher other = new AesGcmSecretCipher(randomKey());
        SealedSecret sealed = other.seal(SECRET, DIRECTORY);

        assertThatThrownBy(() -> cipher.open(sealed, DIRECTORY))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessage("secret sealed under key " + other.keyId() + ", but SECRET_ENCRYPTION_KEY is key " + cipher.keyId());
    }

    @Test
    void openWhenTheKeyIdIsForgedOntoAnotherKeysCiphertextThenTheTagStillRefusesIt() {
        SealedSecret foreign = new AesGcmSecretCipher(randomKey()).seal(SECRET, DIRECTORY);
        SealedSecret relabelled = new SealedSecret(foreign.ciphertext(), cipher.keyId());

        assertThatThrownBy(() -> cipher.open(relabelled, DIRECTORY)).isInstanceOf(SecretUnavailableException.class);
    }

    @Test
    void theKeyIdIsStablePerKeyAndDiffersBetweenKeys() {
        byte[] key = randomKey();

        assertThat(new AesGcmSecretCipher(key).keyId()).isEqualTo(new AesGcmSecretCipher(key.clone()).keyId())
                .startsWith("aesgcm-").hasSize("aesgcm-".length() + 16);
        assertThat(new AesGcmSecretCipher(randomKey()).keyId()).isNotEqualTo(new AesGcmSecretCipher(key).keyId());
    }

    @Test
    void constructWhenTheKeyIsNot32BytesThenRefuses() {
        assertThatThrownBy(() -> new AesGcmSecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an AES-256 key has 32 bytes, not 16");
    }

    @Test
    void openWhenTheCiphertextIsTooShortThenRefuses() {
        assertThatThrownBy(() -> cipher.open(new SealedSecret(new byte[10], cipher.keyId()), DIRECTORY))
                .isInstanceOf(SecretUnavailableException.class);
    }
}
