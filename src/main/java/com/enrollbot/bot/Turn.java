package com.enrollbot.bot;

import java.util.concurrent.CompletableFuture;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;

/**
 * One incoming activity as the flows see it: who sent it, with which role, and ways to answer. Flows never
 * read identity from card data; {@link #caller()} comes from the (authenticated) activity alone.
 */
public final class Turn {

    public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private final TurnContext context;
    private final Caller caller;
    private final Role role;

    Turn(TurnContext context, Caller caller, Role role) {
        this.context = context;
        this.caller = caller;
        this.role = role;
    }

    public Caller caller() {
        return caller;
    }

    public Role role() {
        return role;
    }

    public TurnContext context() {
        return context;
    }

    public Activity activity() {
        return context.getActivity();
    }

    public CompletableFuture<Void> sendCard(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(card);
        return context.sendActivity(MessageFactory.attachment(attachment)).thenApply(sent -> null);
    }

    public CompletableFuture<Void> sendText(String text) {
        return context.sendActivity(MessageFactory.text(text)).thenApply(sent -> null);
    }
}
