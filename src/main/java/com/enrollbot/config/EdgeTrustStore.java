package com.enrollbot.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * {@code EDGE_TRUST_STORE}: a file of CA certificates that Entra ID and Graph connections trust besides the JDK's
 * own roots. Enterprises whose outbound HTTPS goes through a TLS-inspecting proxy need their proxy's root here;
 * the load benchmark puts the root of its HTTPS fakes here.
 */
final class EdgeTrustStore {

    static final String VARIABLE = "EDGE_TRUST_STORE";

    private EdgeTrustStore() {
    }

    /** Empty when {@code path} is empty; the certificates of the file otherwise (PEM, several allowed, or DER). */
    static List<X509Certificate> read(String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSettingException(VARIABLE, "must name a readable file of CA certificates; '" + path + "' is not one");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new InvalidSettingException(VARIABLE, "'" + path + "' holds no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new InvalidSettingException(VARIABLE, "'" + path + "' does not hold X.509 certificates (PEM or DER)");
        } catch (IOException e) {
            throw new InvalidSettingException(VARIABLE, "'" + path + "' cannot be read: " + e.getMessage());
        }
    }
}
