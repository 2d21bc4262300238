package com.enrollbot.cards;

/** A card template could not be expanded with the data given; the message names the template text. */
public final class CardTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CardTemplateException(String message) {
        super(message);
    }
}
