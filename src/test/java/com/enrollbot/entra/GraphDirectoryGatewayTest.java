package com.enrollbot.entra;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.UUID;
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
}
