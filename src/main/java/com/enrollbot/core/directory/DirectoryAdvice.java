package com.enrollbot.core.directory;

/**
 * What an admin should do about a failed connection check, in one or two plain sentences. The AADSTS code or
 * HTTP status is kept so the admin can search for it; nothing else of the raw error is shown.
 */
public final class DirectoryAdvice {

    private DirectoryAdvice() {
    }

    public static String of(DirectoryFault fault) {
        return switch (fault.kind()) {
            case TENANT_NOT_FOUND -> "Entra ID does not know this tenant (AADSTS90002). Copy the Directory (tenant) ID"
                    + " from the Overview page of the app registration.";
            case APP_NOT_FOUND -> "There is no application with this client ID in the tenant (AADSTS700016). Copy the"
                    + " Application (client) ID from the Overview page of an app registered in this same tenant.";
            case INVALID_SECRET -> "Entra ID refused the client secret (AADSTS7000215). Paste the secret's Value, not its"
                    + " Secret ID, or create a new client secret under Certificates & secrets.";
            case EXPIRED_SECRET -> "The client secret has expired (AADSTS7000222). Create a new client secret under"
                    + " Certificates & secrets and enter it here.";
            case PERMISSION_MISSING -> "The app signed in, but Microsoft Graph refused to read users (403). Under API"
                    + " permissions add Microsoft Graph > Application permissions > User.Read.All, then press"
                    + " Grant admin consent.";
            case CREDENTIALS_REJECTED -> "Entra ID or Microsoft Graph refused the app's credentials (" + fault.detail()
                    + "). Check that the app registration is enabled and in this tenant, then create a new client"
                    + " secret and rotate it here.";
            case THROTTLED -> "Microsoft Graph is throttling requests right now. Check again in a minute.";
            case SERVICE_ERROR -> "Entra ID or Microsoft Graph answered with a server error (" + fault.detail()
                    + "). Check again in a few minutes.";
            case TIMEOUT -> "Entra ID or Microsoft Graph did not answer in time. Check again in a few minutes.";
            case UNREACHABLE -> "I could not reach Entra ID or Microsoft Graph. Check again in a few minutes; if it"
                    + " persists, ask whoever runs this bot to check its network access.";
            case UNEXPECTED -> "The check failed for a reason I did not expect (" + fault.detail() + "). Check again;"
                    + " if it persists, give this text to whoever runs this bot.";
        };
    }
}
