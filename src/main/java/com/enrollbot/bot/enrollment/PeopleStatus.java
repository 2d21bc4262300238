package com.enrollbot.bot.enrollment;

import java.util.concurrent.CompletableFuture;

import com.enrollbot.bot.Turn;

/**
 * How {@code status <who>} answers helpdesk staff and admins: the helpdesk feature looks the person up. The
 * {@code status} command stays one routing entry, owned by the enrollment flow, which decides who may name
 * someone else.
 */
public interface PeopleStatus {

    CompletableFuture<Void> show(Turn turn, String who);
}
