package com.enrollbot.entra;

import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryFault.Kind;
import com.enrollbot.support.Failures;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what azure-identity, MSAL, Kiota and OkHttp throw into a {@link DirectoryFault}.
 * <p>
 * Token errors arrive as MSAL's {@link MsalServiceException} (error code such as {@code invalid_client},
 * message = Entra's {@code error_description}, which starts with the AADSTS code), wrapped by azure-identity
 * in one or more RuntimeExceptions; so the whole cause chain is searched. The detail keeps the AADSTS code or
 * HTTP status only: Entra's descriptions carry client ids and trace ids, never needed by a caller.
 */
final class FaultClassifier {

    private static final Logger log = LoggerFactory.getLogger(FaultClassifier.class);
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final Map<String, Kind> AADSTS_KINDS = Map.of(
            "90002", Kind.TENANT_NOT_FOUND,
            "700016", Kind.APP_NOT_FOUND,
            "7000215", Kind.INVALID_SECRET,
            "7000222", Kind.EXPIRED_SECRET);

    DirectoryFault classify(String operation, Throwable failure) {
        DirectoryFault fault = faultOf(failure);
        if (fault.kind() == Kind.UNEXPECTED) {
            String correlationId = UUID.randomUUID().toString();
            fault = new DirectoryFault(Kind.UNEXPECTED, fault.detail() + " (correlation id " + correlationId + ")");
            log.warn("{} failed: {} {}: {}", operation, fault.kind(), fault.detail(), Failures.summary(failure));
        } else {
            log.warn("{} failed: {} {}", operation, fault.kind(), fault.detail());
        }
        return fault;
    }

    DirectoryFault logged(String operation, DirectoryFault fault) {
        log.warn("{} failed: {} {}", operation, fault.kind(), fault.detail());
        return fault;
    }

    private static DirectoryFault faultOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException graph) {
                return graphFault(graph);
            }
            if (t instanceof MsalThrottlingException) {
                return new DirectoryFault(Kind.THROTTLED, "Entra ID token endpoint throttled the client");
            }
            if (t instanceof MsalServiceException entra) {
                return entraFault(entra);
            }
            if (t instanceof InterruptedIOException) {
                return new DirectoryFault(Kind.TIMEOUT, "no answer within the time budget");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLException) {
                return new DirectoryFault(Kind.UNREACHABLE, t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        return new DirectoryFault(Kind.UNEXPECTED, failure.getClass().getName());
    }

    private static DirectoryFault graphFault(ApiException failure) {
        int status = failure.getResponseStatusCode();
        String code = failure instanceof ODataError odata && odata.getError() != null && odata.getError().getCode() != null
                ? " " + odata.getError().getCode()
                : "";
        String detail = "Graph HTTP " + status + code;
        if (status == 403) {
            return new DirectoryFault(Kind.PERMISSION_MISSING, detail);
        }
        if (status == 401) {
            return new DirectoryFault(Kind.CREDENTIALS_REJECTED, detail);
        }
        if (status == 429) {
            return new DirectoryFault(Kind.THROTTLED, detail);
        }
        if (status >= 500) {
            return new DirectoryFault(Kind.SERVICE_ERROR, detail);
        }
        return new DirectoryFault(Kind.UNEXPECTED, detail);
    }

    private static DirectoryFault entraFault(MsalServiceException failure) {
        Integer status = failure.statusCode();
        Matcher aadsts = AADSTS.matcher(String.valueOf(failure.getMessage()));
        String code = aadsts.find() ? aadsts.group(1) : null;
        String detail = (code != null ? "AADSTS" + code : failure.errorCode()) + " from the Entra ID token endpoint"
                + (status != null ? " (HTTP " + status + ")" : "");
        if (code != null && AADSTS_KINDS.containsKey(code)) {
            return new DirectoryFault(AADSTS_KINDS.get(code), detail);
        }
        if (status != null && status == 429) {
            return new DirectoryFault(Kind.THROTTLED, detail);
        }
        if (status != null && status >= 500) {
            return new DirectoryFault(Kind.SERVICE_ERROR, detail);
        }
        if (status != null && (status == 400 || status == 401)) {
            return new DirectoryFault(Kind.CREDENTIALS_REJECTED, detail);
        }
        return new DirectoryFault(Kind.UNEXPECTED, detail);
    }
}
