package com.enrollbot.core.directory;

import java.util.Objects;

/**
 * Why Entra ID or Graph could not answer. {@code detail} is safe for logs and the audit trail
 * (an AADSTS code, an HTTP status): it never carries a secret or a token.
 */
public record DirectoryFault(Kind kind, String detail) {

    public enum Kind {
        /** AADSTS90002: no such tenant. */
        TENANT_NOT_FOUND,
        /** AADSTS700016: the client id is not an application in that tenant. */
        APP_NOT_FOUND,
        /** AADSTS7000215: wrong secret. */
        INVALID_SECRET,
        /** AADSTS7000222: the secret has expired. */
        EXPIRED_SECRET,
        /** Graph 403 Authorization_RequestDenied: User.Read.All (application) missing or not consented. */
        PERMISSION_MISSING,
        /** Entra ID or Graph refused the credentials for another reason (Graph 401, an unlisted AADSTS 4xx). */
        CREDENTIALS_REJECTED,
        /** 429 that did not clear within the time budget. */
        THROTTLED,
        /** 5xx from Entra or Graph. */
        SERVICE_ERROR,
        /** No answer within the time budget. */
        TIMEOUT,
        /** Connection refused, DNS, TLS. */
        UNREACHABLE,
        /** Anything else (logged with a correlation id). */
        UNEXPECTED;

        /** True when the directory's own registration is broken: only an admin can fix it. */
        public boolean credentialsBroken() {
            return switch (this) {
                case TENANT_NOT_FOUND, APP_NOT_FOUND, INVALID_SECRET, EXPIRED_SECRET, PERMISSION_MISSING, CREDENTIALS_REJECTED -> true;
                default -> false;
            };
        }
    }

    public DirectoryFault {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }
}
