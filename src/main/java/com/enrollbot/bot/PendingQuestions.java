package com.enrollbot.bot;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.builder.PrivateConversationState;
import com.microsoft.bot.builder.StatePropertyAccessor;
import com.microsoft.bot.builder.Storage;

/**
 * Which command is waiting for this person's answer. Kept in the private conversation state (per person per
 * conversation, in PostgreSQL), so the answer may reach any instance of the bot; the turn's end saves it.
 * <p>
 * Every message asks whether a question is pending, and almost never is one. botbuilder's state load is costly
 * for that: each load builds a new Jackson {@code ObjectMapper} and scans the class path for Jackson modules
 * (measured: 17% of the bot's CPU in the enrollment rush, and the floor's message turn cost 0.8 ms instead of
 * 0.45). So {@link #take} first reads the stored row itself and loads the state only when the row holds a
 * pending question.
 */
final class PendingQuestions {

    private static final String PROPERTY = "pendingCommand";

    private final PrivateConversationState state;
    private final Storage storage;
    private final StatePropertyAccessor<String> pending;

    PendingQuestions(PrivateConversationState state, Storage storage) {
        this.state = state;
        this.storage = storage;
        this.pending = state.createProperty(PROPERTY);
    }

    CompletableFuture<Void> ask(Turn turn, String command) {
        return pending.set(turn.context(), command);
    }

    /**
     * The command that asked this person a question, if any; the question is answered by taking it, and the
     * state row goes with it: a person who is not in the middle of a question leaves nothing in the database.
     */
    CompletableFuture<Optional<String>> take(Turn turn) {
        String key = state.getStorageKey(turn.context());
        return storage.read(new String[] {key}).thenCompose(rows -> rows.get(key) instanceof Map<?, ?> row
                && row.get(PROPERTY) != null ? takeLoaded(turn) : CompletableFuture.completedFuture(Optional.empty()));
    }

    private CompletableFuture<Optional<String>> takeLoaded(Turn turn) {
        return pending.get(turn.context()).thenCompose(command -> command == null
                ? CompletableFuture.completedFuture(Optional.<String>empty())
                : state.delete(turn.context()).thenApply(deleted -> Optional.of(command)));
    }
}
