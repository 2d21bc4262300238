package com.enrollbot.bot;

import java.util.concurrent.CompletableFuture;

import com.enrollbot.core.access.Role;
import org.springframework.stereotype.Component;

/**
 * {@code ping} answers "pong", typed or clicked, touching nothing else. A person can check the bot is alive,
 * and the load benchmark measures the cost of the HTTP path and the bot stack alone against it (its floor).
 */
@Component
final class PingFlow implements Flow {

    static final String PONG = "pong";

    @Override
    public void register(Routes routes) {
        routes.command("ping", "ping", "Check that the bot is alive", Role.EMPLOYEE,
                (turn, arguments) -> turn.sendText(PONG));
        routes.verb("ping", Role.EMPLOYEE,
                (turn, data) -> CompletableFuture.completedFuture(new CardReply.Text(PONG)));
    }
}
