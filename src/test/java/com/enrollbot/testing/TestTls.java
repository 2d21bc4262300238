package com.enrollbot.testing;

import javax.net.ssl.SSLSocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An in-memory root CA and a certificate for {@code localhost} signed by it. The fakes serve with
 * {@link #serverSocketFactory()}; the code under test connects with {@link #trustingClient()}, which trusts
 * this root only, so a test cannot pass by reaching a real Microsoft endpoint.
 */
public final class TestTls {

    private final HandshakeCertificates server;
    private final HandshakeCertificates client;
    private final String rootCertificatePem;

    public TestTls() {
        HeldCertificate root = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("enrollbot test root")
                .build();
        HeldCertificate localhost = new HeldCertificate.Builder()
                .commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .signedBy(root)
                .build();
        this.server = new HandshakeCertificates.Builder().heldCertificate(localhost, root.certificate()).build();
        this.client = new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build();
        this.rootCertificatePem = root.certificatePem();
    }

    /** The root in PEM, for a bot in another process to trust through {@code EDGE_TRUST_STORE}. */
    public String rootCertificatePem() {
        return rootCertificatePem;
    }

    public SSLSocketFactory serverSocketFactory() {
        return server.sslSocketFactory();
    }

    /** A fresh client trusting the test root; use it as the application's edge client. */
    public OkHttpClient trustingClient() {
        return new OkHttpClient.Builder()
                .sslSocketFactory(client.sslSocketFactory(), client.trustManager())
                .build();
    }
}
