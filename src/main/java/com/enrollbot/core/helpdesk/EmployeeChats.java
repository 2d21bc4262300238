package com.enrollbot.core.helpdesk;

import java.util.UUID;

/** Port: the personal chats of enrolled people with the bot, known only while they are enrolled. */
public interface EmployeeChats {

    /**
     * Sends the message, in the background, to the personal chat the person of this enrollment last used while
     * enrolled, and forgets that chat (the person is no longer enrolled). False when no chat is known.
     */
    boolean tellAndForget(UUID enrollmentId, String message);
}
