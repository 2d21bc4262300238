package com.enrollbot.core.access;

/** What a person may do in their organization. Ordered: each role may do everything the ones before it may. */
public enum Role {
    EMPLOYEE,
    HELPDESK,
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
