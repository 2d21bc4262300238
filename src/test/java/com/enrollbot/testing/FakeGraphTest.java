package com.enrollbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake must refuse what real Graph refuses, or the gateway's injection tests would prove nothing. */
class FakeGraphTest {

    private final TestTls tls = new TestTls();
    private final OkHttpClient http = tls.trustingClient();
    private FakeEntra entra;
    private FakeGraph graph;
    private String token;

    @BeforeEach
    void start() throws IOException {
        entra = new FakeEntra(tls).start().registerApp("tenant", "client", "secret");
        graph = new FakeGraph(tls, entra).start();
        graph.putUser(FakeUser.member("Ada Lovelace", "ada@contoso.example", null, "+44 20 7946 0000"));
        Request tokenRequest = new Request.Builder().url(entra.baseUrl() + "/tenant/oauth2/v2.0/token")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", "client")
                        .add("client_secret", "secret").add("scope", "https://localhost/.default").build())
                .build();
        try (Response response = http.newCall(tokenRequest).execute()) {
            token = response.body().string().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        }
    }

    @AfterEach
    void stop() {
        graph.close();
        entra.close();
    }

    private Response get(String filter, String select) throws IOException {
        HttpUrl.Builder url = HttpUrl.get(graph.baseUrl() + "/users").newBuilder();
        if (filter != null) {
            url.addQueryParameter("$filter", filter);
        }
        if (select != null) {
            url.addQueryParameter("$select", select);
        }
        return http.newCall(new Request.Builder().url(url.build()).header("Authorization", "Bearer " + token).build())
                .execute();
    }

    @Test
    void whenAQuoteIsSplicedInUnescapedThenBadRequestLikeGraph() throws IOException {
        try (Response response = get("startswith(displayName,'x' or 1 eq 1')", null)) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("\"code\":\"BadRequest\"").contains("Invalid filter clause");
        }
    }

    @Test
    void whenTheQuoteIsDoubledThenItIsPartOfTheLiteral() throws IOException {
        graph.putUser(FakeUser.member("x' or 1 eq 1", "odd@contoso.example", null, null));

        try (Response response = get("startswith(displayName,'x'' or 1 eq 1')", "displayName")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"value\":[{\"displayName\":\"x' or 1 eq 1\"}]");
        }
    }

    @Test
    void whenSelectIsGivenThenOnlySelectedPropertiesAreReturnedWithNullsKept() throws IOException {
        try (Response response = get(null, "id,mail")) {
            String body = response.body().string();
            assertThat(body).contains("\"mail\":null").doesNotContain("displayName").doesNotContain("mobilePhone");
        }
    }

    @Test
    void whenTheTokenWasNotIssuedByFakeEntraThenUnauthorized() throws IOException {
        token = "forged";
        try (Response response = get(null, null)) {
            assertThat(response.code()).isEqualTo(401);
        }
    }

    @Test
    void whenAUserIsPatchedThenTheNextReadSeesTheChange() throws IOException {
        FakeUser grace = graph.putUser(FakeUser.member("Grace Hopper", "grace@contoso.example", null, null));
        Request patch = new Request.Builder().url(graph.baseUrl() + "/users/" + grace.id())
                .header("Authorization", "Bearer " + token)
                .patch(RequestBody.create("{\"mail\":\"grace@contoso.example\"}", MediaType.get("application/json")))
                .build();

        try (Response patched = http.newCall(patch).execute(); Response read = get("mail eq 'grace@contoso.example'", "id")) {
            assertThat(patched.code()).isEqualTo(204);
            assertThat(read.body().string()).contains(grace.id());
        }
    }
}
