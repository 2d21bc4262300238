package com.enrollbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import com.enrollbot.core.directory.DirectoryCredentials;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryGateway.ConnectionCheck;
import com.enrollbot.core.directory.DirectoryGateway.PeopleSearch;
import com.enrollbot.core.directory.DirectoryGateway.ProfileLookup;
import com.enrollbot.core.directory.DirectoryProfile;
import com.enrollbot.demo.standin.DirectoryUser;
import com.enrollbot.entra.GraphDirectoryGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's real Entra and Graph code (azure-identity, Graph SDK) against the demo's stand-in, as demo mode wires it;
 * and Graph's PATCH of a user, the way the tour's IT admin fixes a profile (scripts/demo-edit-user.sh), over HTTPS.
 */
class DemoStandInTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    private DemoStandIn standIn;
    private GraphDirectoryGateway gateway;
    private OkHttpClient http;

    @BeforeEach
    void start() {
        standIn = DemoStandIn.bind();
        standIn.start();
        gateway = new GraphDirectoryGateway(standIn.graphBaseUrl(), standIn.authorityHost(), standIn.trustingClient());
        http = standIn.trustingClient();
    }

    @AfterEach
    void stop() {
        gateway.close();
        standIn.close();
    }

    private static DirectoryCredentials credentials(DemoCompany.Tenant tenant) {
        return new DirectoryCredentials(UUID.randomUUID(), tenant.tenantId(), tenant.clientId(), tenant.clientSecret());
    }

    @Test
    void bothDemoTenantsPassTheConnectionCheck() {
        assertThat(gateway.checkConnection(credentials(DemoCompany.TIDEWATER), BUDGET)).isInstanceOf(ConnectionCheck.Connected.class);
        assertThat(gateway.checkConnection(credentials(DemoCompany.RENTALS), BUDGET)).isInstanceOf(ConnectionCheck.Connected.class);
    }

    @Test
    void aWrongSecretIsAnsweredAsEntraAnswersIt() {
        DirectoryCredentials wrong = new DirectoryCredentials(UUID.randomUUID(), DemoCompany.RENTALS.tenantId(),
                DemoCompany.RENTALS.clientId(), "not-the-secret");

        ConnectionCheck check = gateway.checkConnection(wrong, BUDGET);

        assertThat(check).isInstanceOfSatisfying(ConnectionCheck.Failed.class,
                failed -> assertThat(failed.fault().kind()).isEqualTo(DirectoryFault.Kind.INVALID_SECRET));
    }

    @Test
    void theAwkwardProfilesComeBackAsGraphWouldSendThem() {
        DirectoryCredentials tidewater = credentials(DemoCompany.TIDEWATER);

        assertThat(profile(tidewater, DemoCompany.NO_MOBILE).mobilePhone()).isNull();
        assertThat(profile(tidewater, DemoCompany.NO_EMAIL).mail()).isNull();
        assertThat(profile(tidewater, DemoCompany.NO_COUNTRY_CODE).mobilePhone()).isEqualTo("(206) 555-0106");
        assertThat(profile(tidewater, DemoCompany.DISABLED).accountEnabled()).isFalse();
        assertThat(profile(tidewater, DemoCompany.GUEST).userType()).isEqualTo("Guest");
    }

    @Test
    void aTenantSeesOnlyItsOwnPeople() {
        ProfileLookup lookup = gateway.readProfile(credentials(DemoCompany.RENTALS), DemoCompany.ADMIN.id(), BUDGET);

        assertThat(lookup).isInstanceOf(ProfileLookup.NotFound.class);
    }

    @Test
    void peopleAreFoundByNamePrefixAndByAddress() {
        DirectoryCredentials tidewater = credentials(DemoCompany.TIDEWATER);

        PeopleSearch byName = gateway.searchPeople(tidewater, "Jonas", 5, BUDGET);
        PeopleSearch byAddress = gateway.searchPeople(tidewater, "lena.fischer@tidewater-bikes.example", 5, BUDGET);

        assertThat(byName).isInstanceOfSatisfying(PeopleSearch.Found.class, found -> assertThat(found.people())
                .extracting(DirectoryProfile::objectId).containsExactly(DemoCompany.COMPLETE_EMPLOYEE.id()));
        assertThat(byAddress).isInstanceOfSatisfying(PeopleSearch.Found.class, found -> assertThat(found.people())
                .extracting(DirectoryProfile::objectId).containsExactly(DemoCompany.NO_MOBILE.id()));
    }

    @Test
    void patchingAUserAnswers204AndTheBotReadsTheChangedProfile() throws IOException {
        DemoCompany.Tenant tidewater = DemoCompany.TIDEWATER;

        try (Response response = patch(token(tidewater), DemoCompany.NO_MOBILE.id(), "{\"mobilePhone\":\"+1 206 555 0142\"}")) {
            assertThat(response.code()).isEqualTo(204);
            assertThat(response.body().string()).isEmpty();
        }

        DirectoryProfile lena = profile(credentials(tidewater), DemoCompany.NO_MOBILE);
        assertThat(lena.mobilePhone()).isEqualTo("+1 206 555 0142");
        assertThat(lena.mail()).isEqualTo(DemoCompany.NO_MOBILE.mail());
    }

    @Test
    void patchingClearsAPropertyWithNullAndSetsAccountEnabledWithABoolean() throws IOException {
        String token = token(DemoCompany.TIDEWATER);

        try (Response cleared = patch(token, DemoCompany.COMPLETE_EMPLOYEE.id(), "{\"mobilePhone\":null}");
             Response disabled = patch(token, DemoCompany.COMPLETE_EMPLOYEE.id(), "{\"accountEnabled\":false}")) {
            assertThat(cleared.code()).isEqualTo(204);
            assertThat(disabled.code()).isEqualTo(204);
        }

        DirectoryProfile jonas = profile(credentials(DemoCompany.TIDEWATER), DemoCompany.COMPLETE_EMPLOYEE);
        assertThat(jonas.mobilePhone()).isNull();
        assertThat(jonas.accountEnabled()).isFalse();
    }

    @Test
    void patchingAnUnknownPropertyIsRefusedInGraphsErrorShapeAndChangesNothing() throws IOException {
        String token = token(DemoCompany.TIDEWATER);

        try (Response response = patch(token, DemoCompany.NO_MOBILE.id(), "{\"mobilePhone\":\"+1 206 555 0142\",\"shoeSize\":44}")) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("\"code\":\"Request_BadRequest\"")
                    .contains("Property 'shoeSize' does not exist").contains("\"innerError\"");
        }

        assertThat(profile(credentials(DemoCompany.TIDEWATER), DemoCompany.NO_MOBILE).mobilePhone()).isNull();
    }

    @Test
    void patchingTheIdAValueOfTheWrongTypeOrABodyThatIsNotAnObjectIsRefused() throws IOException {
        String token = token(DemoCompany.TIDEWATER);
        String lena = DemoCompany.NO_MOBILE.id();

        try (Response id = patch(token, lena, "{\"id\":\"" + UUID.randomUUID() + "\"}");
             Response wrongType = patch(token, lena, "{\"accountEnabled\":\"yes\"}");
             Response nullName = patch(token, lena, "{\"displayName\":null}");
             Response notAnObject = patch(token, lena, "[\"mobilePhone\"]")) {
            assertThat(id.code()).isEqualTo(400);
            assertThat(id.body().string()).contains("Property 'id' is read-only");
            assertThat(wrongType.code()).isEqualTo(400);
            assertThat(wrongType.body().string()).contains("Invalid value specified for property 'accountEnabled'");
            assertThat(nullName.code()).isEqualTo(400);
            assertThat(notAnObject.code()).isEqualTo(400);
            assertThat(notAnObject.body().string()).contains("Unable to read JSON request payload");
        }
    }

    @Test
    void patchingAnUnknownIdIs404() throws IOException {
        try (Response response = patch(token(DemoCompany.TIDEWATER), UUID.randomUUID().toString(), "{\"mobilePhone\":\"+1 206 555 0142\"}")) {
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("\"code\":\"Request_ResourceNotFound\"");
        }
    }

    @Test
    void patchingNeedsATokenOfThePersonsOwnTenant() throws IOException {
        String body = "{\"mobilePhone\":\"+1 206 555 0142\"}";

        try (Response noToken = patch("", DemoCompany.NO_MOBILE.id(), body);
             Response madeUp = patch("demo-entra-" + UUID.randomUUID(), DemoCompany.NO_MOBILE.id(), body);
             Response otherTenant = patch(token(DemoCompany.RENTALS), DemoCompany.NO_MOBILE.id(), body)) {
            assertThat(noToken.code()).isEqualTo(401);
            assertThat(madeUp.code()).isEqualTo(401);
            assertThat(otherTenant.code()).isEqualTo(404);
        }

        assertThat(profile(credentials(DemoCompany.TIDEWATER), DemoCompany.NO_MOBILE).mobilePhone()).isNull();
    }

    /** A client-credentials token from the stand-in's Entra ID, as scripts/demo-edit-user.sh gets one. */
    private String token(DemoCompany.Tenant tenant) throws IOException {
        Request request = new Request.Builder().url(standIn.authorityHost() + "/" + tenant.tenantId() + "/oauth2/v2.0/token")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", tenant.clientId())
                        .add("client_secret", tenant.clientSecret()).add("scope", "https://graph.microsoft.com/.default")
                        .build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body().string()).path("access_token").asText();
        }
    }

    private Response patch(String token, String objectId, String json) throws IOException {
        Request.Builder request = new Request.Builder().url(standIn.graphBaseUrl() + "/users/" + objectId)
                .patch(RequestBody.create(json, MediaType.get("application/json")));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.newCall(request.build()).execute();
    }

    private DirectoryProfile profile(DirectoryCredentials credentials, DirectoryUser user) {
        ProfileLookup lookup = gateway.readProfile(credentials, user.id(), BUDGET);
        assertThat(lookup).isInstanceOf(ProfileLookup.Found.class);
        return ((ProfileLookup.Found) lookup).profile();
    }
}
