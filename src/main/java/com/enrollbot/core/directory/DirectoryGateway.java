package com.enrollbot.core.directory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Port to the directories themselves (Entra ID + Microsoft Graph). Implementations cache one credential and
 * one Graph client per directory (keyed by {@link DirectoryCredentials#fingerprint()}), so a token is fetched
 * once per directory per token lifetime, and never take longer than the given budget.
 */
public interface DirectoryGateway {

    /** Gets a client-credentials token and reads one user with the fields enrollment needs. */
    ConnectionCheck checkConnection(DirectoryCredentials credentials, Duration budget);

    /** Reads one user by Entra object id with the enrollment {@code $select}. */
    ProfileLookup readProfile(DirectoryCredentials credentials, String objectId, Duration budget);

    /**
     * Finds people by exact UPN or mail first, then by display-name prefix; at most {@code limit} results.
     * The query is plain text typed by a person: implementations escape it, never splice it into a filter raw.
     */
    PeopleSearch searchPeople(DirectoryCredentials credentials, String query, int limit, Duration budget);

    /** Forgets cached clients and tokens of a directory (secret rotated, directory deleted). */
    void forget(UUID directoryId);

    sealed interface ConnectionCheck {
        record Connected() implements ConnectionCheck { }
        record Failed(DirectoryFault fault) implements ConnectionCheck { }
    }

    sealed interface ProfileLookup {
        record Found(DirectoryProfile profile) implements ProfileLookup { }
        record NotFound() implements ProfileLookup { }
        record Failed(DirectoryFault fault) implements ProfileLookup { }
    }

    sealed interface PeopleSearch {
        /** {@code more} is true when the directory holds more matches than were returned. */
        record Found(List<DirectoryProfile> people, boolean more) implements PeopleSearch {
            public Found {
                people = List.copyOf(people);
            }
        }
        record Failed(DirectoryFault fault) implements PeopleSearch { }
    }
}
