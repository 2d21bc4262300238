package com.enrollbot.bot;

import java.net.HttpURLConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.core.access.AccessService;
import com.enrollbot.core.access.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.PrivateConversationState;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import org.springframework.stereotype.Component;

/**
 * The Teams activity handler: it identifies the caller, looks up their role, hands the activity to the
 * {@link Router} and saves the conversation state at the end of the turn.
 */
@Component
final class EnrollBot extends TeamsActivityHandler {

    static final String NOT_IN_TEAMS =
            "I can only help inside Microsoft Teams, where I can tell who you are and which organization you belong to.";

    private final Router router;
    private final AccessService access;
    private final PrivateConversationState privateConversationState;
    private final AdminConversations adminConversations;

    EnrollBot(Router router, AccessService access, PrivateConversationState privateConversationState,
              AdminConversations adminConversations) {
        this.router = router;
        this.access = access;
        this.privateConversationState = privateConversationState;
        this.adminConversations = adminConversations;
    }

    /** State is saved once, at the end of the turn; a state nobody touched in this turn is neither read nor written. */
    @Override
    public CompletableFuture<Void> onTurn(TurnContext context) {
        return super.onTurn(context)
                .thenCompose(done -> privateConversationState.saveChanges(context));
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext context) {
        Turn turn = turnOf(context);
        if (turn == null) {
            return context.sendActivity(MessageFactory.text(NOT_IN_TEAMS)).thenApply(sent -> null);
        }
        return router.onMessage(turn);
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext context) {
        String name = context.getActivity().getName();
        if (!Router.ADAPTIVE_CARD_ACTION.equals(name) && !Router.TASK_FETCH.equals(name) && !Router.TASK_SUBMIT.equals(name)) {
            return super.onInvokeActivity(context);
        }
        Turn turn = turnOf(context);
        if (turn == null) {
            return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_OK,
                    JsonNodeFactory.instance.objectNode().put("statusCode", 200)
                            .put("type", "application/vnd.microsoft.activity.message").put("value", NOT_IN_TEAMS)));
        }
        return router.onInvoke(turn);
    }

    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext context) {
        String botId = context.getActivity().getRecipient() == null ? null : context.getActivity().getRecipient().getId();
        boolean botWasAdded = botId != null && membersAdded.stream().anyMatch(member -> botId.equals(member.getId()));
        if (!botWasAdded) {
            return CompletableFuture.completedFuture(null);
        }
        Turn turn = turnOf(context);
        if (turn == null) {
            return context.sendActivity(MessageFactory.text(NOT_IN_TEAMS)).thenApply(sent -> null);
        }
        return router.welcome(turn);
    }

    /** Null when the activity does not say who sent it from which tenant: then nothing is routed. */
    private Turn turnOf(TurnContext context) {
        Activity activity = context.getActivity();
        String tenantId = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        if (isBlank(tenantId)) {
            tenantId = tenantFromChannelData(activity);
        }
        String objectId = activity.getFrom() == null ? null : activity.getFrom().getAadObjectId();
        if (isBlank(tenantId) || isBlank(objectId)) {
            return null;
        }
        Caller caller = new Caller(tenantId, objectId, activity.getFrom().getName());
        // An admin's personal chat is kept whenever their role is looked up (every admin command does).
        Turn turn = new Turn(context, caller, () -> access.roleOf(caller),
                role -> adminConversations.remember(activity, caller, role));
        return turn;
    }

    private static String tenantFromChannelData(Activity activity) {
        try {
            TeamsChannelData channelData = activity.getChannelData(TeamsChannelData.class);
            return channelData == null || channelData.getTenant() == null ? null : channelData.getTenant().getId();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
