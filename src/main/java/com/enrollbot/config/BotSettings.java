package com.enrollbot.config;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.enrollbot.core.directory.CheckBudget;
import com.enrollbot.core.enrollment.PhoneNumbers;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Every setting the bot reads, under the names of the configuration table in README.md. Read once at startup
 * from Spring's {@link Environment} (environment variables first, then application.yml defaults) and checked
 * there, so a bad value stops the start with one line naming the variable.
 */
public record BotSettings(
        String appId,
        String appPassword,
        String appTenantId,
        URI graphBaseUrl,
        URI entraAuthorityHost,
        Set<String> bootstrapAdminIds,
        Path dataDir,
        byte[] secretEncryptionKey,
        String phoneDefaultRegion,
        List<X509Certificate> edgeTrustCertificates,
        CheckBudget directoryCheckBudget) {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public BotSettings {
        bootstrapAdminIds = Set.copyOf(bootstrapAdminIds);
        secretEncryptionKey = secretEncryptionKey.clone();
        edgeTrustCertificates = List.copyOf(edgeTrustCertificates);
    }

    @Override
    public byte[] secretEncryptionKey() {
        return secretEncryptionKey.clone();
    }

    /** CAUTION: settings get logged by frameworks and people alike; the password and the key never are. */
    @Override
    public String toString() {
        return "BotSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "" : "<redacted>")
                + ", appTenantId=" + appTenantId + ", graphBaseUrl=" + graphBaseUrl + ", entraAuthorityHost="
                + entraAuthorityHost + ", bootstrapAdminIds=" + bootstrapAdminIds + ", dataDir=" + dataDir
                + ", secretEncryptionKey=<redacted>, phoneDefaultRegion=" + phoneDefaultRegion
                + ", edgeTrustCertificates=" + edgeTrustCertificates.size() + ", directoryCheckBudget="
                + directoryCheckBudget + "]";
    }

    /** No app id: the bot runs for local development, accepts loopback callers only and checks no token. */
    public boolean localDevelopmentMode() {
        return appId.isEmpty();
    }

    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    public static BotSettings from(Environment env) {
        String appId = text(env, "MicrosoftAppId");
        String appPassword = text(env, "MicrosoftAppPassword");
        String appTenantId = text(env, "MicrosoftAppTenantId");
        if (!appId.isEmpty()) {
            requireGuid("MicrosoftAppId", appId);
            if (appPassword.isEmpty()) {
                throw new InvalidSettingException("MicrosoftAppPassword",
                        "is required when MicrosoftAppId is set (the bot's client secret from its Azure Bot registration)");
            }
        } else if (!appPassword.isEmpty()) {
            throw new InvalidSettingException("MicrosoftAppId", "is required when MicrosoftAppPassword is set");
        }
        if (!appTenantId.isEmpty()) {
            requireGuid("MicrosoftAppTenantId", appTenantId);
        }
        URI graph = httpsUrl("GRAPH_BASE_URL", text(env, "GRAPH_BASE_URL", "https://graph.microsoft.com/v1.0"));
        URI authority = httpsUrl("ENTRA_AUTHORITY_HOST", text(env, "ENTRA_AUTHORITY_HOST", "https://login.microsoftonline.com"));
        Set<String> admins = Arrays.stream(text(env, "BOOTSTRAP_ADMIN_IDS").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .peek(id -> requireGuid("BOOTSTRAP_ADMIN_IDS", id))
                .map(id -> id.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Path dataDir = Path.of(text(env, "DATA_DIR", ".data")).toAbsolutePath().normalize();
        byte[] secretKey = LocalEncryptionKey.resolve(text(env, LocalEncryptionKey.VARIABLE), appId.isEmpty(), dataDir);
        String phoneRegion = text(env, "PHONE_DEFAULT_REGION", "US").toUpperCase(Locale.ROOT);
        if (!PhoneNumbers.isSupportedRegion(phoneRegion)) {
            throw new InvalidSettingException("PHONE_DEFAULT_REGION",
                    "must be a two-letter region code such as US, GB or SE (the country of phone numbers written without +country code)");
        }
        List<X509Certificate> edgeTrust = EdgeTrustStore.read(text(env, EdgeTrustStore.VARIABLE));
        Duration answerWithin = duration(env, "DIRECTORY_CHECK_ANSWER_WITHIN", "3s");
        Duration giveUpAfter = duration(env, "DIRECTORY_CHECK_GIVE_UP_AFTER", "20s");
        if (giveUpAfter.compareTo(answerWithin) < 0) {
            throw new InvalidSettingException("DIRECTORY_CHECK_GIVE_UP_AFTER",
                    "must not be shorter than DIRECTORY_CHECK_ANSWER_WITHIN (" + answerWithin.toMillis() + " ms)");
        }
        return new BotSettings(appId, appPassword, appTenantId, graph, authority, admins, dataDir, secretKey, phoneRegion,
                edgeTrust, new CheckBudget(answerWithin, giveUpAfter));
    }

    private static String text(Environment env, String name) {
        return text(env, name, "");
    }

    private static String text(Environment env, String name, String fallback) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A positive duration written as Spring Boot reads one: {@code 3s}, {@code 500ms}, {@code PT3S}. */
    private static Duration duration(Environment env, String variable, String fallback) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text(env, variable, fallback));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(variable, "must be a duration such as 3s or 500ms");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidSettingException(variable, "must be longer than zero, such as 3s or 500ms");
        }
        return duration;
    }

    private static void requireGuid(String variable, String value) {
        if (!isGuid(value)) {
            throw new InvalidSettingException(variable,
                    "must be a GUID like 00000000-0000-0000-0000-000000000000 (an Entra object, app or tenant id)");
        }
    }

    private static URI httpsUrl(String variable, String value) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (Exception e) {
            throw new InvalidSettingException(variable, "is not a valid URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidSettingException(variable, "must be an https:// URL with a host");
        }
        return uri;
    }
}
