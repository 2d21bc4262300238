package com.enrollbot.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.enrollbot.core.directory.DirectoryCredentials;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryFault.Kind;
import com.enrollbot.core.directory.DirectoryGateway.ConnectionCheck;
import com.enrollbot.core.directory.DirectoryGateway.PeopleSearch;
import com.enrollbot.core.directory.DirectoryGateway.ProfileLookup;
import com.enrollbot.core.directory.DirectoryProfile;
import com.enrollbot.testing.FakeEntra;
import com.enrollbot.testing.FakeGraph;
import com.enrollbot.testing.FakeUser;
import com.enrollbot.testing.GraphFault;
import com.enrollbot.testing.RecordedGraphRequest;
import com.enrollbot.testing.TestTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the real azure-identity credential and Graph SDK against HTTPS fakes of Entra ID and Graph. */
class GraphDirectoryGatewayTest {

    private static final Duration BUDGET = Duration.ofSeconds(4);
    /** Generous on a shared 2-core machine: this checks that budgets hold, not how fast the code is. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private final TestTls tls = new TestTls();
    private FakeEntra entra;
    private FakeGraph graph;
    private GraphDirectoryGateway gateway;
    private DirectoryCredentials directory;
    private FakeUser ada;

    @BeforeEach
    void startFakes() {
        entra = new FakeEntra(tls).start();
        graph = new FakeGraph(tls, entra).start();
        gateway = new GraphDirectoryGateway(graph.baseUrl(), entra.baseUrl(), tls.trustingClient());
        directory = registeredDirectory();
        ada = graph.putUser(FakeUser.member("Ada Lovelace", "ada@contoso.example", "ada@contoso.example",
                "+44 20 7946 0000"));
    }

    @AfterEach
    void stopFakes() {
        gateway.close();
        graph.close();
        entra.close();
    }

    private DirectoryCredentials registeredDirectory() {
        String tenant = UUID.randomUUID().toString();
        String client = UUID.randomUUID().toString();
        entra.registerApp(tenant, client, "s3cret-value");
        return new DirectoryCredentials(UUID.randomUUID(), tenant, client, "s3cret-value");
    }

    private static DirectoryFault faultOf(ConnectionCheck check) {
        assertThat(check).isInstanceOf(ConnectionCheck.Failed.class);
        return ((ConnectionCheck.Failed) check).fault();
    }

    private static <T> T timed(Duration limit, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
        return result;
    }

    @Nested
    class CheckConnection {

        @Test
        void whenTokenAndOneUserCanBeReadThenConnected() {
            assertThat(gateway.checkConnection(directory, BUDGET)).isEqualTo(new ConnectionCheck.Connected());

            RecordedGraphRequest request = graph.requests().get(0);
            assertThat(request.path()).isEqualTo("/v1.0/users");
            assertThat(request.query()).containsEntry("$top", "1")
                    .containsEntry("$select", "id,displayName,mail,mobilePhone,accountEnabled,userType");
            assertThat(request.authorization()).startsWith("Bearer fake-entra-");
            assertThat(entra.unexpectedPaths()).isEmpty();
        }

        @Test
        void whenConnectingThenTheTokenIsForTheConfiguredGraphHostAsNationalCloudsNeed() {
            gateway.checkConnection(directory, BUDGET);

            // MSAL adds its reserved scopes (openid profile offline_access) to what was asked for.
            assertThat(entra.requestedScopes()).singleElement()
                    .satisfies(scope -> assertThat(scope.split(" ")).contains("https://localhost/.default"));
        }

        @Test
        void whenTenantIdIsMalformedThenTenantNotFoundWithoutAnyRequest() {
            DirectoryCredentials malformed = new DirectoryCredentials(UUID.randomUUID(), "contoso/../x y",
                    directory.clientId(), directory.clientSecret());

            assertThat(faultOf(gateway.checkConnection(malformed, BUDGET)).kind()).isEqualTo(Kind.TENANT_NOT_FOUND);
            assertThat(entra.tokenRequests()).isZero();
        }

        @Test
        void whenTenantDoesNotExistThenTenantNotFound() {
            DirectoryCredentials unknownTenant = new DirectoryCredentials(UUID.randomUUID(),
                    UUID.randomUUID().toString(), directory.clientId(), directory.clientSecret());

            DirectoryFault fault = faultOf(gateway.checkConnection(unknownTenant, BUDGET));

            assertThat(fault.kind()).isEqualTo(Kind.TENANT_NOT_FOUND);
            assertThat(fault.detail()).contains("AADSTS90002");
            assertThat(graph.requests()).isEmpty();
        }

        @Test
        void whenAppIsNotInTenantThenAppNotFound() {
            DirectoryCredentials unknownApp = new DirectoryCredentials(directory.directoryId(), directory.tenantId(),
                    UUID.randomUUID().toString(), directory.clientSecret());

            assertThat(faultOf(gateway.checkConnection(unknownApp, BUDGET)).kind()).isEqualTo(Kind.APP_NOT_FOUND);
        }

        @Test
        void whenSecretIsWrongThenInvalidSecretWithoutTheSecretInTheDetail() {
            DirectoryCredentials wrongSecret = new DirectoryCredentials(directory.directoryId(), directory.tenantId(),
                    directory.clientId(), "not-the-secret");

            DirectoryFault fault = faultOf(gateway.checkConnection(wrongSecret, BUDGET));

            assertThat(fault.kind()).isEqualTo(Kind.INVALID_SECRET);
            assertThat(fault.detail()).contains("AADSTS7000215").doesNotContain("not-the-secret");
        }

        @Test
        void whenSecretHasExpiredThenExpiredSecret() {
            entra.expireSecret(directory.tenantId(), directory.clientId(), directory.clientSecret());

            assertThat(faultOf(gateway.checkConnection(directory, BUDGET)).kind()).isEqualTo(Kind.EXPIRED_SECRET);
        }

        @Test
        void whenEntraFailsWithServerErrorThenServiceError() {
            entra.failWithStatus(503);

            assertThat(faultOf(gateway.checkConnection(directory, BUDGET)).kind()).isEqualTo(Kind.SERVICE_ERROR);
        }

        @Test
        void whenEntraHangsThenTimeoutWithinBudget() {
            entra.hang(true);
            Duration budget = Duration.ofSeconds(2);

            ConnectionCheck check = timed(budget.plus(SLACK), () -> gateway.checkConnection(directory, budget));

            assertThat(faultOf(check).kind()).isEqualTo(Kind.TIMEOUT);
        }

        @Test
        void whenEntraIsUnreachableThenUnreachable() {
            String closedAuthority = entra.baseUrl();
            entra.close();
            var offline = new GraphDirectoryGateway(graph.baseUrl(), closedAuthority, tls.trustingClient());

            ConnectionCheck check = timed(BUDGET.plus(SLACK), () -> offline.checkConnection(directory, BUDGET));

            offline.close();
            assertThat(faultOf(check).kind()).isEqualTo(Kind.UNREACHABLE);
        }

        @Test
        void whenAdminConsentIsMissingThenPermissionMissing() {
            graph.failAlways(GraphFault.forbidden());

            DirectoryFault fault = faultOf(gateway.checkConnection(directory, BUDGET));

            assertThat(fault.kind()).isEqualTo(Kind.PERMISSION_MISSING);
            assertThat(fault.detail()).contains("403").contains("Authorization_RequestDenied");
        }

        @Test
        void whenGraphRefusesTheTokenThenTheCredentialsAreRejected() {
            try (FakeEntra otherIssuer = new FakeEntra(tls).start();
                 GraphDirectoryGateway misdirected = new GraphDirectoryGateway(graph.baseUrl(), otherIssuer.baseUrl(), tls.trustingClient())) {
                otherIssuer.registerApp(directory.tenantId(), directory.clientId(), directory.clientSecret());

                DirectoryFault fault = faultOf(misdirected.checkConnection(directory, BUDGET));

                assertThat(fault.kind()).isEqualTo(Kind.CREDENTIALS_REJECTED);
                assertThat(fault.kind().credentialsBroken()).isTrue();
                assertThat(fault.detail()).contains("401").doesNotContain(directory.clientSecret());
            }
        }

        @Test
        void whenThrottledBrieflyThenRetriesAfterRetryAfterAndConnects() {
            graph.failNext(1, GraphFault.throttled(Duration.ofSeconds(1)));

            assertThat(gateway.checkConnection(directory, BUDGET)).isEqualTo(new ConnectionCheck.Connected());
            assertThat(graph.requests()).hasSize(2);
        }

        @Test
        void whenRetryAfterExceedsBudgetThenThrottledWithinBudget() {
            graph.failAlways(GraphFault.throttled(Duration.ofSeconds(30)));

            ConnectionCheck check = timed(BUDGET.plus(SLACK), () -> gateway.checkConnection(directory, BUDGET));

            assertThat(faultOf(check).kind()).isEqualTo(Kind.THROTTLED);
            assertThat(graph.requests()).hasSize(1);
        }

        @Test
        void whenGraphFailsWithServerErrorThenServiceErrorWithoutRetries() {
            graph.failAlways(GraphFault.serverError(503));

            assertThat(faultOf(gateway.checkConnection(directory, BUDGET)).kind()).isEqualTo(Kind.SERVICE_ERROR);
            assertThat(graph.requests()).hasSize(1);
        }

        @Test
        void whenGraphHangsThenTimeoutWithinBudget() {
            graph.failAlways(GraphFault.hang());
            Duration budget = Duration.ofSeconds(2);

            ConnectionCheck check = timed(budget.plus(SLACK), () -> gateway.checkConnection(directory, budget));

            assertThat(faultOf(check).kind()).isEqualTo(Kind.TIMEOUT);
        }

        @Test
        void whenGraphIsSlowerThanBudgetThenTimeout() {
            graph.delay(Duration.ofSeconds(3));
            Duration budget = Duration.ofSeconds(1);

            ConnectionCheck check = timed(budget.plus(SLACK), () -> gateway.checkConnection(directory, budget));

            assertThat(faultOf(check).kind()).isEqualTo(Kind.TIMEOUT);
        }

        @Test
        void whenGraphIsSlowButWithinBudgetThenConnected() {
            graph.delay(Duration.ofMillis(500));

            assertThat(gateway.checkConnection(directory, BUDGET)).isEqualTo(new ConnectionCheck.Connected());
        }

        @Test
        void whenGraphIsUnreachableThenUnreachable() {
            String closedGraph = graph.baseUrl();
            graph.close();
            var offline = new GraphDirectoryGateway(closedGraph, entra.baseUrl(), tls.trustingClient());

            ConnectionCheck check = timed(BUDGET.plus(SLACK), () -> offline.checkConnection(directory, BUDGET));

            offline.close();
            assertThat(faultOf(check).kind()).isEqualTo(Kind.UNREACHABLE);
        }
    }

    @Nested
    class ReadProfile {

        @Test
        void whenUserExistsThenFoundWithEveryEnrollmentField() {
            ProfileLookup lookup = gateway.readProfile(directory, ada.id(), BUDGET);

            assertThat(lookup).isEqualTo(new ProfileLookup.Found(new DirectoryProfile(ada.id(), "Ada Lovelace",
                    "ada@contoso.example", "ada@contoso.example", "+44 20 7946 0000", true, "Member")));
            assertThat(graph.requests().get(0).query()).containsEntry("$select",
                    "id,displayName,userPrincipalName,mail,mobilePhone,accountEnabled,userType");
        }

        @Test
        void whenUserHasNoMailboxOrMobileThenThoseFieldsAreNull() {
            FakeUser guest = graph.putUser(new FakeUser(UUID.randomUUID().toString(), "Grace Hopper",
                    "grace_fabrikam.example#EXT#@contoso.example", null, null, false, "Guest"));

            ProfileLookup lookup = gateway.readProfile(directory, guest.id(), BUDGET);

            assertThat(lookup).isEqualTo(new ProfileLookup.Found(new DirectoryProfile(guest.id(), "Grace Hopper",
                    "grace_fabrikam.example#EXT#@contoso.example", null, null, false, "Guest")));
        }

        @Test
        void whenUserChangesThenTheNextReadSeesTheChange() {
            gateway.readProfile(directory, ada.id(), BUDGET);
            graph.putUser(ada.withMobilePhone(null));

            ProfileLookup lookup = gateway.readProfile(directory, ada.id(), BUDGET);

            assertThat(((ProfileLookup.Found) lookup).profile().mobilePhone()).isNull();
        }

        @Test
        void whenUserDoesNotExistThenNotFound() {
            assertThat(gateway.readProfile(directory, UUID.randomUUID().toString(), BUDGET))
                    .isEqualTo(new ProfileLookup.NotFound());
        }

        @Test
        void whenObjectIdIsNotAGuidThenRefusedBeforeAnyRequest() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> gateway.readProfile(directory, "../me", BUDGET))
                    .withMessageContaining("GUID");
            assertThat(graph.requests()).isEmpty();
        }

        @Test
        void whenGraphFailsThenFailedWithTheFault() {
            graph.failAlways(GraphFault.serverError(500));

            ProfileLookup lookup = gateway.readProfile(directory, ada.id(), BUDGET);

            assertThat(lookup).isInstanceOf(ProfileLookup.Failed.class);
            assertThat(((ProfileLookup.Failed) lookup).fault().kind()).isEqualTo(Kind.SERVICE_ERROR);
        }
    }

    @Nested
    class SearchPeople {

        private List<String> names(PeopleSearch search) {
            assertThat(search).isInstanceOf(PeopleSearch.Found.class);
            return ((PeopleSearch.Found) search).people().stream().map(DirectoryProfile::displayName).toList();
        }

        private boolean more(PeopleSearch search) {
            return ((PeopleSearch.Found) search).more();
        }

        @Test
        void whenQueryIsAnExactUpnOrMailThenThatPersonComesFirst() {
            graph.putUser(FakeUser.member("ada@contoso.example fan club", "fans@contoso.example", null, null));
            graph.putUser(FakeUser.member("Bob", "bob@contoso.example", "ada.lovelace@contoso.example", null));

            assertThat(names(gateway.searchPeople(directory, "ADA@contoso.example", 5, BUDGET)))
                    .containsExactly("Ada Lovelace", "ada@contoso.example fan club");
            assertThat(names(gateway.searchPeople(directory, "ada.lovelace@contoso.example", 5, BUDGET)))
                    .containsExactly("Bob");
            assertThat(graph.requests()).extracting(RecordedGraphRequest::filter).startsWith(
                    "userPrincipalName eq 'ADA@contoso.example' or mail eq 'ADA@contoso.example'",
                    "startswith(displayName,'ADA@contoso.example')");
        }

        @Test
        void whenQueryIsANamePrefixThenMatchingPeopleWithoutAskingForAnExactMatch() {
            graph.putUser(FakeUser.member("Adam Smith", "adam@contoso.example", "adam@contoso.example", null));
            graph.putUser(FakeUser.member("Bob", "bob@contoso.example", "bob@contoso.example", null));

            PeopleSearch search = gateway.searchPeople(directory, "ad", 5, BUDGET);

            assertThat(names(search)).containsExactly("Ada Lovelace", "Adam Smith");
            assertThat(more(search)).isFalse();
            assertThat(graph.requests()).extracting(RecordedGraphRequest::filter)
                    .containsExactly("startswith(displayName,'ad')");
        }

        @Test
        void whenMorePeopleMatchThanTheLimitThenLimitedAndMoreIsFlagged() {
            for (int i = 0; i < 4; i++) {
                graph.putUser(FakeUser.member("Adele " + i, "adele" + i + "@contoso.example", null, null));
            }

            PeopleSearch search = gateway.searchPeople(directory, "Ad", 3, BUDGET);

            assertThat(names(search)).hasSize(3);
            assertThat(more(search)).isTrue();
            assertThat(graph.requests().get(0).query()).containsEntry("$top", "4");
        }

        @Test
        void whenExactlyTheLimitMatchesThenMoreIsNotFlagged() {
            graph.putUser(FakeUser.member("Adele", "adele@contoso.example", null, null));

            PeopleSearch search = gateway.searchPeople(directory, "Ad", 2, BUDGET);

            assertThat(names(search)).hasSize(2);
            assertThat(more(search)).isFalse();
        }

        @Test
        void whenNameHasAQuoteThenItIsEscapedAndFound() {
            graph.putUser(FakeUser.member("Conan O'Brien", "conan@contoso.example", null, null));

            assertThat(names(gateway.searchPeople(directory, "O'Brien", 5, BUDGET))).isEmpty();
            assertThat(names(gateway.searchPeople(directory, "Conan O'B", 5, BUDGET))).containsExactly("Conan O'Brien");
            assertThat(graph.requests()).extracting(RecordedGraphRequest::filter)
                    .containsExactly("startswith(displayName,'O''Brien')", "startswith(displayName,'Conan O''B')");
        }

        @Test
        void whenQueryTriesToInjectFilterSyntaxThenItStaysInsideTheLiteral() {
            for (String attack : List.of("x' or 1 eq 1", "a') or startswith(displayName,'", "x@y' or mail eq 'z",
                    "Ada (Lovelace)", "Zoë Ødegård 李", "%27 or true")) {
                PeopleSearch search = gateway.searchPeople(directory, attack, 5, BUDGET);

                assertThat(names(search)).as(attack).isEmpty();
            }
            assertThat(graph.requests()).extracting(RecordedGraphRequest::filter).containsExactly(
                    "startswith(displayName,'x'' or 1 eq 1')",
                    "startswith(displayName,'a'') or startswith(displayName,''')",
                    "userPrincipalName eq 'x@y'' or mail eq ''z' or mail eq 'x@y'' or mail eq ''z'",
                    "startswith(displayName,'x@y'' or mail eq ''z')",
                    "startswith(displayName,'Ada (Lovelace)')",
                    "startswith(displayName,'Zoë Ødegård 李')",
                    "startswith(displayName,'%27 or true')");
        }

        @Test
        void whenQueryCannotBeInAnyNameThenNobodyIsFoundWithoutAskingGraph() {
            for (String impossible : List.of("", "   ", "a".repeat(500), "Ada\nLovelace", "Ada\u0000")) {
                assertThat(gateway.searchPeople(directory, impossible, 5, BUDGET))
                        .isEqualTo(new PeopleSearch.Found(List.of(), false));
            }
            assertThat(graph.requests()).isEmpty();
        }

        @Test
        void whenGraphThrottlesBeyondBudgetThenThrottled() {
            graph.failAlways(GraphFault.throttled(Duration.ofSeconds(10)));

            PeopleSearch search = gateway.searchPeople(directory, "Ada", 5, Duration.ofSeconds(2));

            assertThat(search).isInstanceOf(PeopleSearch.Failed.class);
            assertThat(((PeopleSearch.Failed) search).fault().kind()).isEqualTo(Kind.THROTTLED);
        }
    }

    @Nested
    class Caching {

        @Test
        void whenTwentyProfilesAreReadThenOneTokenIsFetched() {
            for (int i = 0; i < 20; i++) {
                assertThat(gateway.readProfile(directory, ada.id(), BUDGET)).isInstanceOf(ProfileLookup.Found.class);
            }

            assertThat(entra.tokenRequests()).isEqualTo(1);
            assertThat(graph.requests()).extracting(RecordedGraphRequest::authorization)
                    .containsOnly(graph.requests().get(0).authorization());
        }

        @Test
        void whenConcurrentCallsStartColdThenOneTokenIsFetched() throws Exception {
            entra.delay(Duration.ofMillis(300));
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<ProfileLookup>> reads = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    reads.add(callers.submit(() -> gateway.readProfile(directory, ada.id(), BUDGET)));
                }
                for (Future<ProfileLookup> read : reads) {
                    assertThat(read.get()).isInstanceOf(ProfileLookup.Found.class);
                }
            } finally {
                callers.shutdownNow();
            }

            assertThat(entra.tokenRequests()).isEqualTo(1);
        }

        @Test
        void whenDirectoryIsForgottenThenTheNextCallFetchesANewToken() {
            gateway.readProfile(directory, ada.id(), BUDGET);

            gateway.forget(directory.directoryId());
            gateway.readProfile(directory, ada.id(), BUDGET);

            assertThat(entra.tokenRequests()).isEqualTo(2);
        }

        @Test
        void whenSecretIsRotatedThenTheNewSecretIsUsed() {
            assertThat(gateway.checkConnection(directory, BUDGET)).isEqualTo(new ConnectionCheck.Connected());
            entra.registerApp(directory.tenantId(), directory.clientId(), "rotated-secret");
            entra.expireSecret(directory.tenantId(), directory.clientId(), directory.clientSecret());
            DirectoryCredentials rotated = new DirectoryCredentials(directory.directoryId(), directory.tenantId(),
                    directory.clientId(), "rotated-secret");

            assertThat(gateway.checkConnection(rotated, BUDGET)).isEqualTo(new ConnectionCheck.Connected());
            assertThat(entra.tokenRequests()).isEqualTo(2);
        }

        @Test
        void whenTwoDirectoriesAreUsedThenEachHasItsOwnToken() {
            DirectoryCredentials other = registeredDirectory();

            for (int i = 0; i < 3; i++) {
                gateway.readProfile(directory, ada.id(), BUDGET);
                gateway.readProfile(other, ada.id(), BUDGET);
            }

            assertThat(entra.tokenRequests()).isEqualTo(2);
        }

        @Test
        void whenATokenRequestFailedThenTheNextCallAsksAgain() {
            entra.failWithStatus(503);
            gateway.checkConnection(directory, BUDGET);
            int failedAttempts = entra.tokenRequests();
            entra.failWithStatus(0);

            assertThat(gateway.checkConnection(directory, BUDGET)).isEqualTo(new ConnectionCheck.Connected());
            assertThat(entra.tokenRequests()).isEqualTo(failedAttempts + 1);
        }
    }
}
