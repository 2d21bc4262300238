package com.enrollbot.bot.admin;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.enrollbot.bot.CardReply;
import com.enrollbot.bot.Flow;
import com.enrollbot.bot.FollowUps;
import com.enrollbot.bot.Routes;
import com.enrollbot.bot.Turn;
import com.enrollbot.bot.admin.DirectoryCards.Typed;
import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryOutcome;
import com.enrollbot.core.directory.DirectoryService;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.core.directory.ManageForm;
import com.enrollbot.core.directory.RegistrationForm;
import com.enrollbot.support.Failures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The admin's directories: the list card (command {@code directories}), the Register and Manage dialogs
 * (task/fetch + task/submit) and the per-directory buttons (Action.Execute, answered by replacing the card).
 * Every verb requires the admin role, checked by the router; every id in card data is looked up within the
 * caller's organization by {@link DirectoryService}, so a forged id finds nothing.
 */
// Admin flows first, in this order, so the admin's help card shows Directories as its first button.
@Order(1000)
@Component
final class DirectoriesFlow implements Flow {

    static final String LIST = "directories.list";
    static final String REGISTER = "directories.register";
    static final String SAVE = "directories.save";
    static final String MANAGE = "directories.manage";
    static final String UPDATE = "directories.update";
    static final String CHECK = "directories.check";
    static final String DISABLE = "directories.disable";
    static final String ENABLE = "directories.enable";
    static final String DELETE = "directories.delete";
    static final String DELETE_CONFIRMED = "directories.delete.confirm";

    static final String GONE = "That directory does not exist in your organization (any more). Type 'directories' to see the current list.";
    static final String CHANGED_MEANWHILE = "Someone changed this directory while you had it open. This is how it is now: make your change again.";

    private static final Logger log = LoggerFactory.getLogger(DirectoriesFlow.class);

    private final DirectoryService directories;
    private final DirectoryCards cards;
    private final FollowUps followUps;

    DirectoriesFlow(DirectoryService directories, DirectoryCards cards, FollowUps followUps) {
        this.directories = directories;
        this.cards = cards;
        this.followUps = followUps;
    }

    @Override
    public void register(Routes routes) {
        routes.command("directories", "directories", "Connect and manage Entra ID directories (admins)", Role.ADMIN,
                        (turn, arguments) -> turn.sendCard(list(turn, null, true)))
                .verb(LIST, Role.ADMIN, (turn, data) -> card(list(turn, null, true)))
                .verb(REGISTER, Role.ADMIN, (turn, data) -> reply(openRegistration()))
                .verb(SAVE, Role.ADMIN, this::save)
                .verb(MANAGE, Role.ADMIN, (turn, data) -> reply(openManage(turn, data)))
                .verb(UPDATE, Role.ADMIN, this::update)
                .verb(CHECK, Role.ADMIN, this::check)
                .verb(DISABLE, Role.ADMIN, (turn, data) -> setEnabled(turn, data, false))
                .verb(ENABLE, Role.ADMIN, (turn, data) -> setEnabled(turn, data, true))
                .verb(DELETE, Role.ADMIN, (turn, data) -> reply(confirmDelete(turn, data)))
                .verb(DELETE_CONFIRMED, Role.ADMIN, this::delete);
    }

    private CardReply openRegistration() {
        return new CardReply.Dialog("Register a directory", cards.registerForm(UUID.randomUUID().toString(),
                new Typed("", "", "", ""), Map.of(), null));
    }

    private CompletableFuture<CardReply> save(Turn turn, JsonNode data) {
        RegistrationForm form = new RegistrationForm(text(data, "requestKey"), text(data, "name"), text(data, "tenantId"),
                text(data, "clientId"), text(data, "secret"), text(data, "expiresOn"), "true".equals(text(data, "saveAnyway")));
        Typed typed = new Typed(form.displayName(), form.tenantId(), form.clientId(), form.secretExpiresOn());
        DirectoryOutcome outcome = directories.register(turn.caller(), form);
        if (outcome instanceof DirectoryOutcome.Invalid invalid) {
            return reply(new CardReply.Dialog("Register a directory",
                    cards.registerForm(form.requestKey(), typed, invalid.errors(), null)));
        }
        if (outcome instanceof DirectoryOutcome.CheckFailed failed) {
            return reply(new CardReply.Dialog("Register a directory",
                    cards.registerForm(form.requestKey(), typed, Map.of(), failed.advice())));
        }
        return closeWith(turn, outcome, "registered");
    }

    private CardReply openManage(Turn turn, JsonNode data) {
        return id(data).flatMap(id -> directories.find(turn.caller(), id))
                .<CardReply>map(directory -> new CardReply.Dialog("Manage " + directory.displayName(),
                        cards.manageForm(directory, DirectoryCards.typedOf(directory), Map.of(), null, null)))
                .orElseGet(() -> new CardReply.Text(GONE));
    }

    private CompletableFuture<CardReply> update(Turn turn, JsonNode data) {
        Optional<UUID> id = id(data);
        if (id.isEmpty()) {
            return reply(new CardReply.Text(GONE));
        }
        ManageForm form = new ManageForm(text(data, "name"), text(data, "expiresOn"), text(data, "newSecret"),
                "true".equals(text(data, "saveAnyway")));
        DirectoryOutcome outcome = directories.update(turn.caller(), id.get(), data.path("version").asLong(-1), form);
        if (outcome instanceof DirectoryOutcome.Invalid invalid) {
            return reply(manageAgain(turn, id.get(), dialog -> cards.manageForm(dialog, typed(dialog, form),
                    invalid.errors(), null, null)));
        }
        if (outcome instanceof DirectoryOutcome.CheckFailed failed) {
            return reply(manageAgain(turn, id.get(), dialog -> cards.manageForm(dialog, typed(dialog, form),
                    Map.of(), failed.advice(), null)));
        }
        if (outcome instanceof DirectoryOutcome.Conflict conflict) {
            Directory current = conflict.current();
            return reply(new CardReply.Dialog("Manage " + current.displayName(),
                    cards.manageForm(current, DirectoryCards.typedOf(current), Map.of(), null, CHANGED_MEANWHILE)));
        }
        if (outcome instanceof DirectoryOutcome.NotFound) {
            return reply(new CardReply.Text(GONE));
        }
        return closeWith(turn, outcome, form.rotatesSecret() ? "given its new secret" : "saved");
    }

    private CardReply manageAgain(Turn turn, UUID id, Function<Directory, ObjectNode> render) {
        return directories.find(turn.caller(), id)
                .<CardReply>map(directory -> new CardReply.Dialog("Manage " + directory.displayName(), render.apply(directory)))
                .orElseGet(() -> new CardReply.Text(GONE));
    }

    private static Typed typed(Directory directory, ManageForm form) {
        return new Typed(form.displayName(), directory.tenantId(), directory.clientId(), form.secretExpiresOn());
    }

    private CompletableFuture<CardReply> check(Turn turn, JsonNode data) {
        Optional<UUID> id = id(data);
        DirectoryOutcome outcome = id.isEmpty() ? new DirectoryOutcome.NotFound() : directories.recheck(turn.caller(), id.get());
        if (outcome instanceof DirectoryOutcome.Saved saved) {
            Directory directory = saved.directory();
            return card(list(turn, checkedMessage(directory), directory.status() == DirectoryStatus.CONNECTED));
        }
        if (outcome instanceof DirectoryOutcome.Checking checking) {
            followUpWhenChecked(turn, checking);
            return card(list(turn, stillChecking(checking.directory()), true));
        }
        return card(list(turn, GONE, false));
    }

    private CompletableFuture<CardReply> setEnabled(Turn turn, JsonNode data, boolean enabled) {
        Optional<UUID> id = id(data);
        DirectoryOutcome outcome = id.isEmpty() ? new DirectoryOutcome.NotFound()
                : directories.setEnabled(turn.caller(), id.get(), data.path("version").asLong(-1), enabled);
        if (outcome instanceof DirectoryOutcome.Saved saved) {
            String name = saved.directory().displayName();
            return card(list(turn, enabled
                    ? "'" + name + "' is enabled: its people can enroll again."
                    : "'" + name + "' is disabled: nobody can enroll through it until you enable it again.", true));
        }
        return card(list(turn, outcome instanceof DirectoryOutcome.Conflict
                ? "Someone changed that directory meanwhile, so I changed nothing. Here is the current list: try again."
                : GONE, false));
    }

    private CardReply confirmDelete(Turn turn, JsonNode data) {
        Optional<Directory> directory = id(data).flatMap(id -> directories.find(turn.caller(), id));
        Optional<Integer> enrollments = directory.flatMap(found -> directories.enrollmentCount(turn.caller(), found.id()));
        if (directory.isEmpty() || enrollments.isEmpty()) {
            return new CardReply.Card(list(turn, GONE, false));
        }
        return new CardReply.Card(cards.deleteConfirmation(directory.get(), enrollments.get()));
    }

    private CompletableFuture<CardReply> delete(Turn turn, JsonNode data) {
        Optional<UUID> id = id(data);
        DirectoryOutcome outcome = id.isEmpty() ? new DirectoryOutcome.NotFound()
                : directories.delete(turn.caller(), id.get(), data.path("version").asLong(-1));
        if (outcome instanceof DirectoryOutcome.Deleted deleted) {
            return card(list(turn, "Deleted '" + deleted.directory().displayName() + "' with its enrollments; its client"
                    + " secret is erased. You can now delete the client secret in Entra ID too.", true));
        }
        return card(list(turn, outcome instanceof DirectoryOutcome.Conflict
                ? "Someone changed that directory after you asked to delete it, so I deleted nothing. Check it and try again."
                : GONE, false));
    }

    /** Closes the dialog; the conversation gets the result and a fresh list. */
    private CompletableFuture<CardReply> closeWith(Turn turn, DirectoryOutcome outcome, String done) {
        String message;
        if (outcome instanceof DirectoryOutcome.Checking checking) {
            followUpWhenChecked(turn, checking);
            message = "'" + checking.directory().displayName() + "' is " + done + ". " + stillChecking(checking.directory());
        } else {
            Directory directory = ((DirectoryOutcome.Saved) outcome).directory();
            message = "'" + directory.displayName() + "' is " + done + ". " + statusSentence(directory);
        }
        return turn.sendText(message)
                .thenCompose(sent -> turn.sendCard(list(turn, null, true)))
                .thenApply(sent -> new CardReply.Done(null));
    }

    private void followUpWhenChecked(Turn turn, DirectoryOutcome.Checking checking) {
        FollowUps.FollowUp followUp = followUps.to(turn);
        String name = checking.directory().displayName();
        checking.checked().whenComplete((checked, failure) -> {
            if (failure != null) {
                log.error("Recording the connection check of directory {} failed: {}", checking.directory().id(),
                        Failures.summary(failure));
                followUp.send("I could not record the connection check of '" + name + "'. Type 'directories' and"
                        + " press Check again.");
            } else {
                followUp.send(checked.map(directory -> "The connection check of '" + name + "' has finished. "
                                + statusSentence(directory))
                        .orElse("The connection check of '" + name + "' has finished, but the directory changed"
                                + " meanwhile. Type 'directories' to see how it is now."));
            }
        });
    }

    private static String statusSentence(Directory directory) {
        return switch (directory.status()) {
            case CONNECTED -> "It is connected: people of tenant " + directory.tenantId() + " can enroll"
                    + (directory.enabled() ? " now." : " once you enable it.");
            case FAILING -> "It is saved as failing, so nobody can enroll through it yet. " + directory.statusReason();
            case UNCHECKED -> "Its connection has not been checked yet.";
        };
    }

    private static String checkedMessage(Directory directory) {
        return "Checked '" + directory.displayName() + "': " + (directory.status() == DirectoryStatus.CONNECTED
                ? "connected." : "it fails. " + directory.statusReason());
    }

    private static String stillChecking(Directory directory) {
        return "The connection check of '" + directory.displayName() + "' is taking a while; I will message you here"
                + " when it finishes.";
    }

    private ObjectNode list(Turn turn, String notice, boolean good) {
        Caller caller = turn.caller();
        return cards.list(directories.list(caller), notice, good);
    }

    private static Optional<UUID> id(JsonNode data) {
        try {
            return Optional.of(UUID.fromString(text(data, "directoryId")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() ? value.asText("") : "";
    }

    private static CompletableFuture<CardReply> card(ObjectNode card) {
        return reply(new CardReply.Card(card));
    }

    private static CompletableFuture<CardReply> reply(CardReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
