package com.enrollbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** Without an app id no token is checked, so the bot must accept callers on this machine only. */
@ExtendWith(OutputCaptureExtension.class)
class LocalDevelopmentModeTest {

    private static final String TENANT = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    private static FakeConnector connector;
    private static RunningBot bot;
    private static String startupLog;

    @BeforeAll
    static void start(CapturedOutput output) {
        connector = new FakeConnector();
        bot = RunningBot.start(RunningBot.defaults(TestDatabases.fresh()));
        startupLog = output.getAll();
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        connector.close();
    }

    private MockHttpServletResponse postFrom(String remoteAddress) throws Exception {
        TeamsUser user = TeamsUser.random(TENANT, "Lee Gu", connector);
        MvcResult result = bot.mockMvc().perform(post("/api/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(user.execute("no.such.verb", user.base("x")).toString())
                        .with(request -> {
                            request.setRemoteAddr(remoteAddress);
                            return request;
                        }))
                .andReturn();
        // A turn is answered asynchronously; a refusal at the door is not.
        return result.getRequest().isAsyncStarted()
                ? bot.mockMvc().perform(asyncDispatch(result)).andReturn().getResponse()
                : result.getResponse();
    }

    @Test
    void startupWarnsLoudlyThatTokensAreNotChecked() {
        assertThat(startupLog).contains("LOCAL DEVELOPMENT MODE: MicrosoftAppId is not set.")
                .contains("only requests from this machine (loopback)");
    }

    @Test
    void aRequestFromAnotherMachineIsRefusedWith403() throws Exception {
        MockHttpServletResponse response = postFrom("192.0.2.44");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("local development mode");
    }

    @Test
    void requestsFromLoopbackAreServed() throws Exception {
        assertThat(postFrom("127.0.0.1").getStatus()).isEqualTo(200);
        assertThat(postFrom("::1").getStatus()).isEqualTo(200);
    }
}
