package com.enrollbot.bot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.core.access.Role;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one table through which every typed command and every card verb reaches the flow that owns it, with
 * the least role it requires. The role is checked by the router for every message and every card action,
 * whatever the card that carried it showed.
 */
public final class Routes {

    @FunctionalInterface
    public interface CommandHandler {
        CompletableFuture<Void> handle(Turn turn, String arguments);
    }

    @FunctionalInterface
    public interface VerbHandler {
        CompletableFuture<CardReply> handle(Turn turn, JsonNode data);
    }

    /**
     * A command as the help card lists it. {@code question} is null for commands that take no argument or run
     * without one; otherwise typing the command alone makes the bot ask it, and the next message is the answer.
     */
    public record Command(String name, String usage, String description, Role requires, String question,
                          CommandHandler handler) {
    }

    public record Verb(String name, Role requires, VerbHandler handler) {
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, Verb> verbs = new LinkedHashMap<>();

    public Routes command(String name, String usage, String description, Role requires, CommandHandler handler) {
        return add(new Command(name.toLowerCase(Locale.ROOT), usage, description, requires, null, handler));
    }

    /** A command that needs an argument: typed alone, the bot asks {@code question} and waits for the answer. */
    public Routes commandAsking(String name, String usage, String description, Role requires, String question,
                                CommandHandler handler) {
        return add(new Command(name.toLowerCase(Locale.ROOT), usage, description, requires, question, handler));
    }

    private Routes add(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("Command '" + command.name() + "' is routed twice");
        }
        return this;
    }

    public Routes verb(String name, Role requires, VerbHandler handler) {
        if (verbs.putIfAbsent(name, new Verb(name, requires, handler)) != null) {
            throw new IllegalStateException("Card verb '" + name + "' is routed twice");
        }
        return this;
    }

    Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Verb> verb(String name) {
        return Optional.ofNullable(verbs.get(name));
    }

    /** Commands in the order the flows registered them. */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }
}
