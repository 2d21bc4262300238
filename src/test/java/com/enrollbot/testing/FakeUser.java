package com.enrollbot.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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

    /** Graph's property names; insertion order is the order Graph writes them. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("displayName", displayName);
        properties.put("userPrincipalName", userPrincipalName);
        properties.put("mail", mail);
        properties.put("mobilePhone", mobilePhone);
        properties.put("accountEnabled", accountEnabled);
        properties.put("userType", userType);
        return properties;
    }
}
