package com.enrollbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.enrollbot.testing.FakeBotFrameworkIdentity;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With an app id configured, botbuilder's own JWT validation guards /api/messages; here it runs for real
 * against a local issuer with a test signing key. Invokes are used because their answer travels in the HTTP
 * response, so no outgoing token to the Bot Connector is needed.
 */
class AuthenticationEndToEndTest {

    private static final String APP_ID = "5b7e9a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
    private static final String TENANT = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private static FakeBotFrameworkIdentity issuer;
    private static FakeConnector connector;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        issuer = new FakeBotFrameworkIdentity();
        connector = new FakeConnector();
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("MicrosoftAppId", APP_ID);
        settings.put("MicrosoftAppPassword", "not-used-by-these-tests");
        settings.put("MicrosoftAppTenantId", TENANT);
        settings.put("BotOpenIdMetadata", issuer.metadataUrl());
        settings.put("SECRET_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        bot = RunningBot.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        connector.close();
        issuer.close();
    }

    private HttpResponse<String> invokeWith(String authorization) {
        TeamsUser user = TeamsUser.random(TENANT, "Megan Bowen", connector);
        ObjectNode invoke = user.execute("no.such.verb", user.base("x"));
        return bot.post("/api/messages", invoke.toString(), authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    @Test
    void aCorrectlySignedTokenForThisBotPasses() {
        HttpResponse<String> response = invokeWith("Bearer " + issuer.validToken(APP_ID, connector.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TeamsUser.json(response.body()).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aMissingTokenGets401() {
        HttpResponse<String> response = invokeWith(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void aTokenForAnotherBotGets401() {
        String token = issuer.token("11111111-2222-4333-8444-555555555555", connector.serviceUrl(),
                Instant.now().plus(Duration.ofMinutes(30)), issuer.publishedKey());

        assertThat(invokeWith("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenGets401() {
        String token = issuer.token(APP_ID, connector.serviceUrl(), Instant.now().minus(Duration.ofMinutes(10)), issuer.publishedKey());

        assertThat(invokeWith("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyGets401() {
        String token = issuer.token(APP_ID, connector.serviceUrl(), Instant.now().plus(Duration.ofMinutes(30)),
                FakeBotFrameworkIdentity.unknownKey());

        assertThat(invokeWith("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherServiceUrlGets401() {
        String token = issuer.validToken(APP_ID, "https://smba.trafficmanager.net/evil/");

        assertThat(invokeWith("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void garbageInTheAuthorizationHeaderGets401() {
        assertThat(invokeWith("Bearer not.a.jwt").statusCode()).isEqualTo(401);
        assertThat(invokeWith("Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
    }
}
