package com.enrollbot.bot;

/** A conversation flow (one per feature): it declares the commands and card verbs it owns. */
public interface Flow {

    void register(Routes routes);
}
