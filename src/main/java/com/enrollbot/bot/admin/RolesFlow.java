package com.enrollbot.bot.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.bot.CardReply;
import com.enrollbot.bot.Flow;
import com.enrollbot.bot.Routes;
import com.enrollbot.bot.Turn;
import com.enrollbot.cards.CardTemplates;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.access.RoleChange;
import com.enrollbot.core.access.RoleService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code roles}: admins list, grant and revoke the admin and helpdesk roles of their organization, typed
 * ({@code roles grant helpdesk alex@contoso.com}) or on the roles card.
 */
// Admin flows first, in this order, so the admin's help card shows Directories as its first button.
@Order(1001)
@Component
final class RolesFlow implements Flow {

    static final String GRANT = "roles.grant";
    static final String REVOKE = "roles.revoke";
    static final String USAGE = "Type 'roles' for the list, or 'roles grant admin|helpdesk <UPN, e-mail or object id>'"
            + " or 'roles revoke admin|helpdesk <UPN, e-mail or object id>'.";

    private final RoleService roles;
    private final CardTemplates cards;

    RolesFlow(RoleService roles, CardTemplates cards) {
        this.roles = roles;
        this.cards = cards;
    }

    @Override
    public void register(Routes routes) {
        routes.command("roles", "roles [grant|revoke admin|helpdesk person]", "Who is admin or helpdesk, and change it (admins)",
                        Role.ADMIN, this::typed)
                .verb(GRANT, Role.ADMIN, (turn, data) -> changed(turn, change(turn, "grant", text(data, "role"), text(data, "person"))))
                .verb(REVOKE, Role.ADMIN, (turn, data) -> changed(turn, change(turn, "revoke", text(data, "role"), text(data, "person"))));
    }

    private CompletableFuture<Void> typed(Turn turn, String arguments) {
        if (arguments.isBlank()) {
            return turn.sendCard(card(turn, "", true));
        }
        String[] words = arguments.strip().split("\\s+", 3);
        if (words.length < 3) {
            return turn.sendText(USAGE);
        }
        RoleChange change = change(turn, words[0].toLowerCase(Locale.ROOT), words[1], words[2]);
        return turn.sendCard(card(turn, change.message(), !(change instanceof RoleChange.Unchanged)));
    }

    private RoleChange change(Turn turn, String operation, String roleName, String person) {
        Optional<Role> role = roleOf(roleName);
        if (role.isEmpty()) {
            return new RoleChange.Unchanged("The roles I can give are admin and helpdesk. " + USAGE);
        }
        return switch (operation) {
            case "grant" -> roles.grant(turn.caller(), person, role.get());
            case "revoke" -> roles.revoke(turn.caller(), person, role.get());
            default -> new RoleChange.Unchanged(USAGE);
        };
    }

    private CompletableFuture<CardReply> changed(Turn turn, RoleChange change) {
        return CompletableFuture.completedFuture(
                new CardReply.Card(card(turn, change.message(), !(change instanceof RoleChange.Unchanged))));
    }

    private ObjectNode card(Turn turn, String notice, boolean good) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notice", notice);
        data.put("noticeColor", good ? "good" : "attention");
        var grants = roles.grants(turn.caller());
        data.put("hasGrants", !grants.isEmpty());
        data.put("grants", grants.stream().map(grant -> Map.of(
                "name", grant.displayName().isBlank() ? "(name not known)" : grant.displayName(),
                "objectId", grant.objectId(),
                "role", grant.role().name().toLowerCase(Locale.ROOT),
                "grantedAt", DirectoryCards.when(grant.grantedAt()),
                "grantedBy", grant.grantedBy())).toList());
        return cards.render("roles", data);
    }

    private static Optional<Role> roleOf(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "admin" -> Optional.of(Role.ADMIN);
            case "helpdesk" -> Optional.of(Role.HELPDESK);
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() ? value.asText("") : "";
    }
}
