package com.enrollbot.core.directory;

/** The fields of the registration and manage forms, for messages shown next to them. */
public enum DirectoryField {
    NAME,
    TENANT_ID,
    CLIENT_ID,
    SECRET,
    EXPIRES_ON,
    /** Not a field: the form itself (out of date, tampered with). */
    FORM
}
