package com.enrollbot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SECRET_ENCRYPTION_KEY}: base64 of 32 random bytes. For local development only, a key is generated once
 * into the data folder (readable by this user only), so directory secrets survive restarts there as the
 * embedded database does. Anywhere else the key must be configured: a generated key would silently differ
 * between instances sharing one database.
 */
final class LocalEncryptionKey {

    static final String VARIABLE = "SECRET_ENCRYPTION_KEY";
    static final String FILE_NAME = "secret-encryption.key";
    private static final int KEY_BYTES = 32;
    private static final String FORMAT = "must be base64 of 32 random bytes (for example the output of `openssl rand -base64 32`)";

    private static final Logger log = LoggerFactory.getLogger(LocalEncryptionKey.class);

    private LocalEncryptionKey() {
    }

    static byte[] resolve(String configured, boolean localDevelopmentMode, Path dataDir) {
        if (!configured.isEmpty()) {
            return decode(configured, FORMAT);
        }
        if (!localDevelopmentMode) {
            throw new InvalidSettingException(VARIABLE, "is required when MicrosoftAppId is set; it " + FORMAT);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(),
                    "was not set, and the development key generated in " + file + " is damaged: restore it, or delete"
                            + " it together with the directories it encrypted");
        } catch (IOException e) {
            throw new InvalidSettingException(VARIABLE, "was not set, and no development key could be kept in "
                    + file + " (" + e.getClass().getSimpleName() + "); set it, or make DATA_DIR writable");
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.warn("{} is not set: generated a development key into {}. Directory secrets stored here can be read"
                + " only with this file; configure {} in any shared or production deployment.", VARIABLE, file, VARIABLE);
    }

    private static byte[] decode(String base64, String problem) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(VARIABLE, problem);
        }
        if (key.length != KEY_BYTES) {
            throw new InvalidSettingException(VARIABLE, problem);
        }
        return key;
    }
}
