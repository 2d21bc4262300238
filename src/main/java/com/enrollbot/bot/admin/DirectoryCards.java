package com.enrollbot.bot.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enrollbot.cards.CardTemplates;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryField;
import com.enrollbot.core.directory.DirectoryStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * Card data for the directory cards. Every value is a string or a number, never null (the templating engine
 * refuses null inside text), and no card is ever given a secret: the forms' password inputs start empty.
 */
@Component
final class DirectoryCards {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CardTemplates cards;

    DirectoryCards(CardTemplates cards) {
        this.cards = cards;
    }

    /** What the admin typed into a form, without the secret. */
    record Typed(String name, String tenantId, String clientId, String expiresOn) {
    }

    ObjectNode list(List<Directory> directories, String notice, boolean good) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notice", notice == null ? "" : notice);
        data.put("noticeColor", good ? "good" : "attention");
        data.put("hasDirectories", !directories.isEmpty());
        data.put("directories", directories.stream().map(DirectoryCards::row).toList());
        return cards.render("directories", data);
    }

    ObjectNode registerForm(String requestKey, Typed typed, Map<DirectoryField, String> errors, String checkFailure) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestKey", requestKey);
        data.put("name", typed.name());
        data.put("tenantId", typed.tenantId());
        data.put("clientId", typed.clientId());
        data.put("expiresOn", typed.expiresOn());
        data.put("errors", errors(errors));
        data.put("checkFailure", checkFailure == null ? "" : checkFailure);
        data.put("offerSaveAnyway", checkFailure != null);
        return cards.render("directory-register", data);
    }

    ObjectNode manageForm(Directory directory, Typed typed, Map<DirectoryField, String> errors, String checkFailure,
                          String notice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("directoryId", directory.id().toString());
        data.put("version", directory.version());
        data.put("name", typed.name());
        data.put("tenantId", directory.tenantId());
        data.put("clientId", directory.clientId());
        data.put("status", status(directory));
        data.put("reason", reason(directory));
        data.put("expiresOn", typed.expiresOn());
        data.put("errors", errors(errors));
        data.put("checkFailure", checkFailure == null ? "" : checkFailure);
        data.put("offerSaveAnyway", checkFailure != null);
        data.put("notice", notice == null ? "" : notice);
        return cards.render("directory-manage", data);
    }

    ObjectNode deleteConfirmation(Directory directory, int enrollments) {
        return cards.render("directory-delete", Map.of(
                "directoryId", directory.id().toString(),
                "version", directory.version(),
                "name", directory.displayName(),
                "tenantId", directory.tenantId(),
                "enrollments", enrollments == 1 ? "1 enrollment" : enrollments + " enrollments"));
    }

    static Typed typedOf(Directory directory) {
        return new Typed(directory.displayName(), directory.tenantId(), directory.clientId(),
                directory.secretExpiresOn() == null ? "" : directory.secretExpiresOn().toString());
    }

    static String status(Directory directory) {
        String status = switch (directory.status()) {
            case CONNECTED -> "Connected";
            case FAILING -> "Failing";
            case UNCHECKED -> "Not checked yet";
        };
        return directory.enabled() ? status : "Disabled (last check: " + status.toLowerCase(Locale.ROOT) + ")";
    }

    static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }

    private static String reason(Directory directory) {
        return directory.status() == DirectoryStatus.FAILING && directory.statusReason() != null ? directory.statusReason() : "";
    }

    private static Map<String, Object> row(Directory directory) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", directory.id().toString());
        row.put("version", directory.version());
        row.put("name", directory.displayName());
        row.put("tenantId", directory.tenantId());
        row.put("clientId", directory.clientId());
        row.put("status", status(directory));
        row.put("reason", reason(directory));
        row.put("lastChecked", when(directory.lastCheckedAt()));
        row.put("secretExpiry", directory.secretExpiresOn() == null ? "not given" : directory.secretExpiresOn().toString());
        row.put("toggleTitle", directory.enabled() ? "Disable" : "Enable");
        row.put("toggleVerb", directory.enabled() ? DirectoriesFlow.DISABLE : DirectoriesFlow.ENABLE);
        return row;
    }

    private static Map<String, String> errors(Map<DirectoryField, String> errors) {
        Map<String, String> byInput = new LinkedHashMap<>();
        byInput.put("form", errors.getOrDefault(DirectoryField.FORM, ""));
        byInput.put("name", errors.getOrDefault(DirectoryField.NAME, ""));
        byInput.put("tenantId", errors.getOrDefault(DirectoryField.TENANT_ID, ""));
        byInput.put("clientId", errors.getOrDefault(DirectoryField.CLIENT_ID, ""));
        byInput.put("secret", errors.getOrDefault(DirectoryField.SECRET, ""));
        byInput.put("expiresOn", errors.getOrDefault(DirectoryField.EXPIRES_ON, ""));
        return byInput;
    }
}
