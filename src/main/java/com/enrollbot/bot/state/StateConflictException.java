package com.enrollbot.bot.state;

/**
 * A state write carried an etag that is no longer current: another turn (perhaps on another instance)
 * changed the same conversation first. Nothing was written.
 */
public final class StateConflictException extends RuntimeException {

    public StateConflictException(String key) {
        super("State '" + key + "' was changed by another turn; this write was refused");
    }
}
