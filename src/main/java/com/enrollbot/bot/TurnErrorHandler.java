package com.enrollbot.bot;

import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.bot.state.StateConflictException;
import com.enrollbot.cards.CardTemplates;
import com.enrollbot.support.Failures;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.OnTurnErrorHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a turn throws: the stack trace goes to the log under a correlation id, the person gets a
 * short apology card with that id, and an invoke still gets a 200 answer so Teams does not repeat it. A message
 * the bot starts itself (a follow-up, a notice to an admin or an employee) is different: nobody is waiting in that
 * chat, so the failure goes back to the code that sent it, which decides what it means.
 */
final class TurnErrorHandler implements OnTurnErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnErrorHandler.class);

    static final String CONFLICT_MESSAGE =
            "That crossed with another action in this conversation, so I did not apply it. Please try again.";

    /** The name of the event botbuilder's continueConversation runs a proactive turn with. */
    private static final String PROACTIVE_TURN = "ContinueConversation";

    private final CardTemplates cards;

    TurnErrorHandler(CardTemplates cards) {
        this.cards = cards;
    }

    @Override
    public CompletableFuture<Void> invoke(TurnContext turn, Throwable error) {
        if (isProactive(turn.getActivity())) {
            // An apology here would reach someone out of the blue, for something they never asked.
            return CompletableFuture.failedFuture(error);
        }
        String correlationId = turn.getTurnState().get(CorrelationId.TURN_STATE_KEY);
        Throwable cause = unwrap(error);
        boolean conflict = cause instanceof StateConflictException;
        if (conflict) {
            log.warn("Turn refused by optimistic concurrency [correlationId={}]: {}", correlationId, cause.getMessage());
        } else {
            log.error("Turn failed [correlationId={}]: {}", correlationId, Failures.summary(cause));
        }
        ObjectNode apology = cards.render("apology", Map.of(
                "correlationId", correlationId == null ? "-" : correlationId,
                "message", conflict ? CONFLICT_MESSAGE : "Sorry, something went wrong on my side. Please try again in a minute."));
        if (turn.getActivity().isType(ActivityTypes.INVOKE)) {
            return turn.sendActivity(invokeAnswer(turn.getActivity().getName(), apology))
                    .handle((sent, sendError) -> null);
        }
        return turn.sendActivity(MessageFactory.attachment(Turn.cardAttachment(apology))).handle((sent, sendError) -> {
            if (sendError != null) {
                log.warn("Could not send the apology [correlationId={}]: {}", correlationId, unwrap(sendError).toString());
            }
            return null;
        });
    }

    /** The activity botbuilder makes for continueConversation, the way the bot messages a chat on its own. */
    private static boolean isProactive(Activity activity) {
        return activity.isType(ActivityTypes.EVENT) && PROACTIVE_TURN.equals(activity.getName());
    }

    private static Activity invokeAnswer(String invokeName, ObjectNode apology) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        if (Router.ADAPTIVE_CARD_ACTION.equals(invokeName)) {
            body.put("statusCode", 200).put("type", Turn.ADAPTIVE_CARD).set("value", apology);
        } else {
            ObjectNode task = body.putObject("task").put("type", "continue");
            task.putObject("value").put("title", "Something went wrong")
                    .putObject("card").put("contentType", Turn.ADAPTIVE_CARD).set("content", apology);
        }
        Activity answer = new Activity(ActivityTypes.INVOKE_RESPONSE);
        answer.setValue(new InvokeResponse(HttpURLConnection.HTTP_OK, body));
        // Replace any answer the failed turn may have set before it threw.
        return answer;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
