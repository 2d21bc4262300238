package com.enrollbot.bot;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enrollbot.cards.CardTemplates;
import com.enrollbot.core.access.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/** The welcome and help cards: they list only the commands the person's role allows. */
@Component
final class HelpCards {

    private final CardTemplates cards;

    HelpCards(CardTemplates cards) {
        this.cards = cards;
    }

    ObjectNode welcome(Turn turn, List<Routes.Command> commands) {
        return cards.render("welcome", data(turn, commands, null));
    }

    ObjectNode help(Turn turn, List<Routes.Command> commands) {
        return cards.render("help", data(turn, commands, null));
    }

    ObjectNode unknown(Turn turn, List<Routes.Command> commands, String typed) {
        String shown = typed.length() > 80 ? typed.substring(0, 80) + "…" : typed;
        return cards.render("help", data(turn, commands, shown));
    }

    private static final int MAX_BUTTONS = 5;

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static Map<String, Object> data(Turn turn, List<Routes.Command> commands, String notUnderstood) {
        Role role = turn.role();
        List<Map<String, String>> allowed = commands.stream()
                .filter(command -> role.includes(command.requires()))
                .map(command -> Map.of("usage", command.usage(), "description", command.description()))
                .toList();
        List<Map<String, String>> buttons = commands.stream()
                .filter(command -> role.includes(command.requires()) && !"help".equals(command.name()))
                .limit(MAX_BUTTONS)
                .map(command -> Map.of("title", capitalized(command.name()), "command", command.name()))
                .toList();
        String firstName = turn.caller().displayName().isBlank() ? "there" : turn.caller().displayName().split("\\s+")[0];
        return Map.of(
                "firstName", firstName,
                "role", role.name().toLowerCase(Locale.ROOT),
                "isAdmin", role.includes(Role.ADMIN),
                "isHelpdesk", role.includes(Role.HELPDESK),
                "commands", allowed,
                "buttons", buttons,
                "notUnderstood", notUnderstood == null ? "" : notUnderstood);
    }
}
