package com.enrollbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's real Entra and Graph code (azure-identity, Graph SDK) against the demo's stand-in, as demo mode wires it. */
class DemoStandInTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    private DemoStandIn standIn;
    private GraphDirectoryGateway gateway;

    @BeforeEach
    void start() {
        standIn = DemoStandIn.bind();
        standIn.start();
        gateway = new GraphDirectoryGateway(standIn.graphBaseUrl(), standIn.authorityHost(), standIn.trustingClient());
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

    private DirectoryProfile profile(DirectoryCredentials credentials, DirectoryUser user) {
        ProfileLookup lookup = gateway.readProfile(credentials, user.id(), BUDGET);
        assertThat(lookup).isInstanceOf(ProfileLookup.Found.class);
        return ((ProfileLookup.Found) lookup).profile();
    }
}
