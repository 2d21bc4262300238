package com.enrollbot.core.access;

/** Port: finds a person of an organization by UPN or e-mail, through the organization's own directory. */
public interface PeopleFinder {

    Lookup findPerson(String orgId, String upnOrMail);

    sealed interface Lookup {
        record Found(String objectId, String displayName) implements Lookup { }

        /** Nobody, several people, or no directory to ask: {@code message} says which, plainly. */
        record Unresolved(String message) implements Lookup { }
    }
}
