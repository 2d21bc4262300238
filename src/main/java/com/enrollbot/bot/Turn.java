package com.enrollbot.bot;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;

/**
 * One incoming activity as the flows see it: who sent it, with which role, and ways to answer. Flows never
 * read identity from card data; {@link #caller()} comes from the (authenticated) activity alone.
 * <p>
 * The role is looked up (a database read) the first time something asks for it, so a turn that anyone may take
 * (an employee's {@code enroll}, its Enroll button) costs no role lookup.
 */
public final class Turn {

    public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private final TurnContext context;
    private final Caller caller;
    private final Supplier<Role> lookup;
    private final Consumer<Role> whenKnown;
    private volatile Role role;

    Turn(TurnContext context, Caller caller, Supplier<Role> lookup, Consumer<Role> whenKnown) {
        this.context = context;
        this.caller = caller;
        this.lookup = lookup;
        this.whenKnown = whenKnown;
    }

    public Caller caller() {
        return caller;
    }

    /** The caller's role, looked up once per turn. */
    public Role role() {
        Role known = role;
        if (known == null) {
            known = lookup.get();
            role = known;
            whenKnown.accept(known);
        }
        return known;
    }

    /** Whether the caller has at least {@code required}; everyone is an employee, so that needs no lookup. */
    public boolean has(Role required) {
        return required == Role.EMPLOYEE || role().includes(required);
    }

    public TurnContext context() {
        return context;
    }

    public Activity activity() {
        return context.getActivity();
    }

    public CompletableFuture<Void> sendCard(ObjectNode card) {
        return context.sendActivity(MessageFactory.attachment(cardAttachment(card))).thenApply(sent -> null);
    }

    /**
     * An Adaptive Card attachment whose content is the card's JSON, written once. The connector client's
     * serializer (botbuilder's FlatteningSerializer and Validator) walks every field of the activity by
     * reflection, copies it into a tree and runs regular expressions over every key; a card of a few hundred
     * keys made that the largest part of sending an enrollment card. As a {@link RawValue} the card goes onto the wire
     * byte for byte as the same JSON object, and botbuilder's walk stops at one string.
     */
    static Attachment cardAttachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(new RawValue(card.toString()));
        return attachment;
    }

    public CompletableFuture<Void> sendText(String text) {
        return context.sendActivity(MessageFactory.text(text)).thenApply(sent -> null);
    }
}
