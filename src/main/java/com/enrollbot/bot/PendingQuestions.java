package com.enrollbot.bot;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.builder.PrivateConversationState;
import com.microsoft.bot.builder.StatePropertyAccessor;

/**
 * Which command is waiting for this person's answer. Kept in the private conversation state (per person per
 * conversation, in PostgreSQL), so the answer may reach any instance of the bot; the turn's end saves it.
 */
final class PendingQuestions {

    private final PrivateConversationState state;
    private final StatePropertyAccessor<String> pending;

    PendingQuestions(PrivateConversationState state) {
        this.state = state;
        this.pending = state.createProperty("pendingCommand");
    }

    CompletableFuture<Void> ask(Turn turn, String command) {
        return pending.set(turn.context(), command);
    }

    /**
     * The command that asked this person a question, if any; the question is answered by taking it, and the
     * state row goes with it: a person who is not in the middle of a question leaves nothing in the database.
     */
    CompletableFuture<Optional<String>> take(Turn turn) {
        return pending.get(turn.context()).thenCompose(command -> command == null
                ? CompletableFuture.completedFuture(Optional.<String>empty())
                : state.delete(turn.context()).thenApply(deleted -> Optional.of(command)));
    }
}
