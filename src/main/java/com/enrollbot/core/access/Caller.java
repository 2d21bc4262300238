package com.enrollbot.core.access;

import java.util.Locale;
import java.util.Objects;

/**
 * The person behind an activity: their organization (the Teams tenant of the conversation) and their Entra
 * object id. Both come from the authenticated activity only, never from card data.
 */
public record Caller(String orgId, String objectId, String displayName) {

    public Caller {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(objectId, "objectId");
        orgId = orgId.toLowerCase(Locale.ROOT);
        objectId = objectId.toLowerCase(Locale.ROOT);
        displayName = displayName == null ? "" : displayName;
    }
}
