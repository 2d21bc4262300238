package com.enrollbot.bot;

import java.net.HttpURLConnection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.enrollbot.core.access.Role;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.builder.PrivateConversationState;
import com.microsoft.bot.builder.Storage;
import com.microsoft.bot.builder.InvokeResponse;
import org.springframework.stereotype.Component;

/**
 * Dispatches typed commands and card verbs through the {@link Routes} table, checking the caller's role on the
 * server for every one of them, and turns each flow's {@link CardReply} into the wire format Teams expects.
 */
@Component
final class Router {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    static final String TASK_FETCH = "task/fetch";
    static final String TASK_SUBMIT = "task/submit";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CANCEL = "cancel";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_MENTION = Pattern.compile("^<at>[^<]*</at>");

    private final Routes routes = new Routes();
    private final HelpCards help;
    private final AuditLog audit;
    private final PendingQuestions questions;

    Router(List<Flow> flows, HelpCards help, AuditLog audit, PrivateConversationState privateConversationState,
           Storage storage) {
        this.help = help;
        this.audit = audit;
        this.questions = new PendingQuestions(privateConversationState, storage);
        routes.command("help", "help", "What I can do for you", Role.EMPLOYEE,
                (turn, args) -> turn.sendCard(help.help(turn, routes.commands())));
        // Buttons on the help and welcome cards run a command as if it had been typed (and role-checked as such).
        routes.verb("run", Role.EMPLOYEE, (turn, data) -> runCommand(turn, data.path("command").asText(""), "")
                .thenApply(done -> new CardReply.Done(null)));
        flows.forEach(flow -> flow.register(routes));
    }

    CompletableFuture<Void> welcome(Turn turn) {
        return turn.sendCard(help.welcome(turn, routes.commands()));
    }

    CompletableFuture<Void> onMessage(Turn turn) {
        Activity activity = turn.activity();
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        if (value != null && value.path("verb").isTextual()) {
            return onSubmit(turn, value.path("verb").asText(), value);
        }
        String text = commandText(activity);
        String[] parts = WHITESPACE.split(text, 2);
        boolean isCommand = routes.command(parts[0]).isPresent();
        return questions.take(turn).thenCompose(pending -> {
            if (pending.isPresent() && !isCommand) {
                return CANCEL.equalsIgnoreCase(text)
                        ? turn.sendText("OK, I dropped that. Type 'help' to see what I can do.")
                        : runCommand(turn, pending.get(), text);
            }
            if (text.isEmpty()) {
                return turn.sendCard(help.help(turn, routes.commands()));
            }
            return runCommand(turn, parts[0], parts.length > 1 ? parts[1].trim() : "");
        });
    }

    private CompletableFuture<Void> runCommand(Turn turn, String typedName, String arguments) {
        String name = typedName.toLowerCase(Locale.ROOT);
        Optional<Routes.Command> command = routes.command(name);
        if (command.isEmpty()) {
            String typed = arguments.isEmpty() ? typedName : typedName + " " + arguments;
            return turn.sendCard(help.unknown(turn, routes.commands(), typed));
        }
        if (!turn.has(command.get().requires())) {
            refuse(turn, "command:" + name);
            return turn.sendText(notAllowed(command.get().requires()));
        }
        if (arguments.isEmpty() && command.get().question() != null) {
            return questions.ask(turn, name).thenCompose(asked ->
                    turn.sendText(command.get().question() + " (or type 'cancel')"));
        }
        return command.get().handler().handle(turn, arguments);
    }

    CompletableFuture<InvokeResponse> onInvoke(Turn turn) {
        String name = turn.activity().getName();
        JsonNode value = turn.activity().getValue() == null
                ? JSON.objectNode() : Serialization.objectToTree(turn.activity().getValue());
        JsonNode data = ADAPTIVE_CARD_ACTION.equals(name) ? value.path("action").path("data") : value.path("data");
        String verb = ADAPTIVE_CARD_ACTION.equals(name)
                ? value.path("action").path("verb").asText("")
                : data.path("verb").asText("");
        return dispatchVerb(turn, verb, data).thenCompose(reply -> toInvokeResponse(turn, name, reply));
    }

    private CompletableFuture<Void> onSubmit(Turn turn, String verb, JsonNode data) {
        return dispatchVerb(turn, verb, data).thenCompose(reply -> {
            if (reply instanceof CardReply.Card card) {
                return turn.sendCard(card.card());
            }
            if (reply instanceof CardReply.Dialog dialog) {
                return turn.sendCard(dialog.card());
            }
            if (reply instanceof CardReply.Done done) {
                return done.message() == null ? CompletableFuture.completedFuture(null) : turn.sendText(done.message());
            }
            return turn.sendText(((CardReply.Text) reply).text());
        });
    }

    private CompletableFuture<CardReply> dispatchVerb(Turn turn, String verbName, JsonNode data) {
        Optional<Routes.Verb> verb = routes.verb(verbName);
        if (verb.isEmpty()) {
            return CompletableFuture.completedFuture(new CardReply.Text(
                    "That button belongs to an older card I no longer understand. Type 'help' to start again."));
        }
        if (!turn.has(verb.get().requires())) {
            refuse(turn, "verb:" + verbName);
            return CompletableFuture.completedFuture(new CardReply.Text(notAllowed(verb.get().requires())));
        }
        return verb.get().handler().handle(turn, data == null || data.isMissingNode() ? JSON.objectNode() : data);
    }

    private CompletableFuture<InvokeResponse> toInvokeResponse(Turn turn, String invokeName, CardReply reply) {
        if (ADAPTIVE_CARD_ACTION.equals(invokeName)) {
            ObjectNode body = JSON.objectNode().put("statusCode", 200);
            if (reply instanceof CardReply.Card card) {
                body.put("type", Turn.ADAPTIVE_CARD).set("value", card.card());
            } else if (reply instanceof CardReply.Dialog dialog) {
                body.put("type", Turn.ADAPTIVE_CARD).set("value", dialog.card());
            } else {
                body.put("type", "application/vnd.microsoft.activity.message").put("value", messageOf(reply));
            }
            return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_OK, body));
        }
        ObjectNode body = JSON.objectNode();
        CompletableFuture<Void> sideMessage = CompletableFuture.completedFuture(null);
        if (reply instanceof CardReply.Dialog dialog) {
            ObjectNode task = body.putObject("task").put("type", "continue");
            ObjectNode info = task.putObject("value").put("title", dialog.title());
            info.putObject("card").put("contentType", Turn.ADAPTIVE_CARD).set("content", dialog.card());
        } else if (reply instanceof CardReply.Card card) {
            ObjectNode task = body.putObject("task").put("type", "continue");
            task.putObject("value").putObject("card").put("contentType", Turn.ADAPTIVE_CARD).set("content", card.card());
        } else if (reply instanceof CardReply.Text text) {
            body.putObject("task").put("type", "message").put("value", text.text());
        } else if (reply instanceof CardReply.Done done && done.message() != null) {
            sideMessage = turn.sendText(done.message());
        }
        return sideMessage.thenApply(sent -> new InvokeResponse(HttpURLConnection.HTTP_OK, body));
    }

    private static String messageOf(CardReply reply) {
        if (reply instanceof CardReply.Text text) {
            return text.text();
        }
        String message = ((CardReply.Done) reply).message();
        return message == null ? "Done." : message;
    }

    /** The text a person typed, without the bot's @mention (channels and group chats prepend it). */
    private static String commandText(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        if (activity.getRecipient() != null && activity.getMentions() != null && !activity.getMentions().isEmpty()) {
            text = Activity.removeRecipientMentionImmutable(activity);
        }
        // Some clients put the mention in the text without a mention entity: it always leads the message.
        return LEADING_MENTION.matcher(text.replace('\u00a0', ' ').strip()).replaceFirst("").strip();
    }

    private void refuse(Turn turn, String what) {
        audit.append(new AuditEntry(turn.caller().orgId(), turn.caller().objectId(), what, null,
                AuditEntry.Outcome.REFUSED, "requires a role the caller does not have (" + turn.role().name().toLowerCase(Locale.ROOT) + ")"));
    }

    private static String notAllowed(Role required) {
        return switch (required) {
            case ADMIN -> "Sorry, only your organization's admins can do that. Type 'help' to see what you can do.";
            case HELPDESK -> "Sorry, only helpdesk staff and admins can do that. Type 'help' to see what you can do.";
            case EMPLOYEE -> "Sorry, you cannot do that.";
        };
    }
}
