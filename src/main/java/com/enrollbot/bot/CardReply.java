package com.enrollbot.bot;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a card action answers. The bot turns it into the wire format of the activity that carried the action:
 * an {@code adaptiveCard/action} invoke replaces the card in place, a {@code task/fetch} or {@code task/submit}
 * opens, keeps or closes a Teams dialog, and an {@code Action.Submit} message gets a new message.
 */
public sealed interface CardReply {

    /** Replace the card that was clicked (Action.Execute), or post this card (Action.Submit). */
    record Card(ObjectNode card) implements CardReply {
        public Card {
            Objects.requireNonNull(card, "card");
        }
    }

    /** Open or keep a Teams dialog showing this card. */
    record Dialog(String title, ObjectNode card) implements CardReply {
        public Dialog {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(card, "card");
        }
    }

    /** Close the dialog (if any) and say this in the conversation; {@code message} may be null for nothing. */
    record Done(String message) implements CardReply {
    }

    /** A short plain message, shown in a dialog or the conversation, whichever the action came from. */
    record Text(String text) implements CardReply {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
