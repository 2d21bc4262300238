package com.enrollbot.bot;

import java.util.concurrent.CompletableFuture;

import com.enrollbot.config.BotSettings;
import com.microsoft.bot.schema.ConversationReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Messages sent to a conversation after its turn was answered (proactive messages): for work that outlives
 * Teams' 5-second invoke budget. The conversation reference is taken from the turn, so a follow-up can only
 * go where the person who started the work is talking to the bot.
 */
@Component
public final class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final TeamsBotAdapter adapter;
    private final String appId;

    FollowUps(TeamsBotAdapter adapter, BotSettings settings) {
        this.adapter = adapter;
        this.appId = settings.appId();
    }

    /** A way to message this turn's conversation later. */
    public FollowUp to(Turn turn) {
        ConversationReference reference = turn.activity().getConversationReference();
        return text -> adapter.sendText(appId, reference, text)
                .exceptionally(failure -> {
                    log.warn("Could not send a follow-up message to conversation {}: {}",
                            reference.getConversation() == null ? "?" : reference.getConversation().getId(), failure.toString());
                    return null;
                });
    }

    @FunctionalInterface
    public interface FollowUp {
        CompletableFuture<Void> send(String text);
    }
}
