package com.enrollbot.testing;

import java.util.Objects;
import java.util.UUID;

import com.enrollbot.demo.standin.DirectoryUser;

/** A user as {@link FakeGraph} holds it; any field but the id may be null, as in Entra ID. */
public record FakeUser(String id, String displayName, String userPrincipalName, String mail, String mobilePhone,
                       Boolean accountEnabled, String userType) {

    public FakeUser {
        Objects.requireNonNull(id, "id");
    }

    /** An enabled member with a new random object id. */
    public static FakeUser member(String displayName, String userPrincipalName, String mail, String mobilePhone) {
        return new FakeUser(UUID.randomUUID().toString(), displayName, userPrincipalName, mail, mobilePhone, true,
                "Member");
    }

    public FakeUser withMail(String newMail) {
        return new FakeUser(id, displayName, userPrincipalName, newMail, mobilePhone, accountEnabled, userType);
    }

    public FakeUser withMobilePhone(String newMobilePhone) {
        return new FakeUser(id, displayName, userPrincipalName, mail, newMobilePhone, accountEnabled, userType);
    }

    public FakeUser withAccountEnabled(boolean enabled) {
        return new FakeUser(id, displayName, userPrincipalName, mail, mobilePhone, enabled, userType);
    }

    /** The same user as the Graph protocol shared with the demo's stand-in holds it. */
    DirectoryUser toDirectoryUser() {
        return new DirectoryUser(id, displayName, userPrincipalName, mail, mobilePhone, accountEnabled, userType);
    }
}
