package com.enrollbot.core.enrollment;

import com.enrollbot.core.directory.DirectoryFault;

/** Plain sentences for admins about a directory registration that Entra ID or Graph refuses. */
final class CredentialProblems {

    private CredentialProblems() {
    }

    static String explain(DirectoryFault fault) {
        String sentence = switch (fault.kind()) {
            case TENANT_NOT_FOUND -> "Entra ID does not know its tenant id.";
            case APP_NOT_FOUND -> "its app (client id) is not registered in the tenant.";
            case INVALID_SECRET -> "Entra ID refuses its client secret.";
            case EXPIRED_SECRET -> "its client secret has expired.";
            case PERMISSION_MISSING -> "its app lacks the Microsoft Graph application permission User.Read.All"
                    + " with admin consent.";
            default -> "Entra ID or Microsoft Graph refused it.";
        };
        return fault.detail().isEmpty() ? sentence : sentence + " (" + fault.detail() + ")";
    }
}
