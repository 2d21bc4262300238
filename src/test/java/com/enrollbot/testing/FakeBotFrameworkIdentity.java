package com.enrollbot.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Plays the Bot Framework's token issuer: it publishes OpenID metadata and a JWKS with a test signing key
 * (endorsed for msteams, like the real keys) and signs channel tokens the way the Bot Connector does. Point the
 * bot's {@code BotOpenIdMetadata} at {@link #metadataUrl()} and the real botbuilder validation runs against it.
 */
public final class FakeBotFrameworkIdentity implements AutoCloseable {

    public static final String ISSUER = "https://api.botframework.com";
    private static final String KEY_ID = "test-signing-key";

    private final MockWebServer server = new MockWebServer();
    private final KeyPair published = rsaKeyPair();

    public FakeBotFrameworkIdentity() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath();
                if (path.startsWith("/openid")) {
                    return json("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + server.url("/keys")
                            + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
                }
                if (path.startsWith("/keys")) {
                    RSAPublicKey key = (RSAPublicKey) published.getPublic();
                    return json("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                            + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent())
                            + "\",\"endorsements\":[\"msteams\"]}]}");
                }
                return new MockResponse().setResponseCode(404);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("FakeBotFrameworkIdentity could not start", e);
        }
    }

    public String metadataUrl() {
        return server.url("/openid/" + System.identityHashCode(this)).toString();
    }

    /** A token as the Bot Connector would send it to the bot with this app id. */
    public String validToken(String appId, String serviceUrl) {
        return token(appId, serviceUrl, Instant.now().plus(Duration.ofMinutes(30)), (RSAPrivateKey) published.getPrivate());
    }

    public String token(String audience, String serviceUrl, Instant expiresAt, RSAPrivateKey signingKey) {
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(expiresAt.minus(Duration.ofHours(2))))
                .withExpiresAt(Date.from(expiresAt))
                .sign(Algorithm.RSA256((RSAPublicKey) published.getPublic(), signingKey));
    }

    public RSAPrivateKey publishedKey() {
        return (RSAPrivateKey) published.getPrivate();
    }

    /** A key nobody published. */
    public static RSAPrivateKey unknownKey() {
        return (RSAPrivateKey) rsaKeyPair().getPrivate();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            bytes = unsigned;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
