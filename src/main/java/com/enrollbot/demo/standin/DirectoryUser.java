package com.enrollbot.demo.standin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A user as the stand-in Graph holds it; any field but the id may be null, as in Entra ID. */
public record DirectoryUser(String id, String displayName, String userPrincipalName, String mail, String mobilePhone,
                            Boolean accountEnabled, String userType) {

    public DirectoryUser {
        Objects.requireNonNull(id, "id");
    }

    /** Graph's property names; insertion order is the order Graph writes them. */
    public Map<String, Object> properties() {
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

    /**
     * The same user with some of its Graph properties replaced, each value already of its property's type
     * (String, or Boolean for accountEnabled). The id is not among them: Graph never changes it.
     */
    public DirectoryUser with(Map<String, Object> changes) {
        Map<String, Object> properties = properties();
        properties.remove("id");
        if (!properties.keySet().containsAll(changes.keySet())) {
            throw new IllegalArgumentException("Not a changeable property of a user: " + changes.keySet());
        }
        properties.putAll(changes);
        return new DirectoryUser(id, (String) properties.get("displayName"), (String) properties.get("userPrincipalName"),
                (String) properties.get("mail"), (String) properties.get("mobilePhone"),
                (Boolean) properties.get("accountEnabled"), (String) properties.get("userType"));
    }
}
