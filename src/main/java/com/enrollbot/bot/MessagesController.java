package com.enrollbot.bot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.enrollbot.config.BotSettings;
import com.enrollbot.support.Failures;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: the one door Teams knocks on. The body is read as text and parsed with the bot
 * SDK's own serializer, so the SDK's Jackson settings, not Spring's, decide what an Activity is.
 */
@RestController
final class MessagesController {

    private static final Logger log = LoggerFactory.getLogger(MessagesController.class);
    /**
     * Longer than Teams waits for any answer (15 s for a message) and than any budget inside a turn (the longest,
     * DIRECTORY_CHECK_ANSWER_WITHIN, is 3 s by default; tests set 20 s), shorter than Spring's async timeout.
     */
    static final Duration TURN_LIMIT = Duration.ofSeconds(45);

    private final TeamsBotAdapter adapter;
    private final EnrollBot bot;
    private final CredentialProvider credentials;
    private final ChannelProvider channels;
    private final AuthenticationConfiguration authConfig;
    private final boolean localDevelopmentMode;

    MessagesController(TeamsBotAdapter adapter, EnrollBot bot, CredentialProvider credentials, ChannelProvider channels,
                       AuthenticationConfiguration authConfig, BotSettings settings) {
        this.adapter = adapter;
        this.bot = bot;
        this.credentials = credentials;
        this.channels = channels;
        this.authConfig = authConfig;
        this.localDevelopmentMode = settings.localDevelopmentMode();
    }

    /**
     * Answered asynchronously when the turn is still running (waiting for the connector to take its replies, 100 ms
     * a reply in production): then it holds no request thread, so a busy bot does not need one thread per reply
     * in flight. A turn that finished on this thread (an invoke answered in the body, a refusal) is answered at
     * once, without the second pass through Spring MVC that an asynchronous answer costs. Spring picks how to
     * write the answer by its class, so the method returns either a {@link ResponseEntity} or a future of one.
     */
    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    Object incoming(@RequestBody(required = false) String body,
                    @RequestHeader(value = "Authorization", required = false) String authorization,
                    HttpServletRequest request) {
        String correlationId = CorrelationId.next();
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        try {
            if (localDevelopmentMode && !isLoopback(request.getRemoteAddr())) {
                log.warn("Refused a request from {}: without MicrosoftAppId only loopback callers are accepted", request.getRemoteAddr());
                return error(HttpStatus.FORBIDDEN, "This bot runs in local development mode and accepts requests from this machine only.");
            }
            Activity activity = parse(body);
            if (activity == null) {
                return error(HttpStatus.BAD_REQUEST, "The body must be a Bot Framework activity: a JSON object with a 'type'.");
            }
            ClaimsIdentity identity;
            try {
                identity = JwtTokenValidation.authenticateRequest(activity, authorization == null ? "" : authorization,
                        credentials, channels, authConfig).join();
            } catch (RuntimeException e) {
                // Whatever botbuilder throws for a header it cannot verify (malformed, wrong scheme, bad signature).
                log.warn("Refused a request with a missing or invalid Bot Framework token: {}", Failures.summary(e));
                return error(HttpStatus.UNAUTHORIZED, "Missing or invalid Authorization token.");
            }
            CompletableFuture<ResponseEntity<String>> answer = run(identity, activity, correlationId);
            return answer.isDone() ? answer.join() : answer;
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private CompletableFuture<ResponseEntity<String>> run(ClaimsIdentity identity, Activity activity, String correlationId) {
        CompletableFuture<InvokeResponse> turnDone;
        try {
            turnDone = adapter.processActivity(identity, activity, turn -> {
                turn.getTurnState().add(CorrelationId.TURN_STATE_KEY, correlationId);
                try {
                    return bot.onTurn(turn);
                } catch (RuntimeException e) {
                    // Thrown before the handler returned a future: route it to the turn error handler all the same.
                    return CompletableFuture.failedFuture(e);
                }
            });
        } catch (RuntimeException e) {
            turnDone = CompletableFuture.failedFuture(e);
        }
        return turnDone.orTimeout(TURN_LIMIT.toMillis(), TimeUnit.MILLISECONDS).handle((result, failure) -> {
            if (failure instanceof TimeoutException) {
                // Every wait inside a turn has its own budget (Graph 3.5 s, connector retries 3 s, ...): a turn
                // this late is a bug to find, so say so instead of leaving the request open until the container's
                // own timeout answers 503, which would make Teams deliver the activity again.
                log.warn("Turn did not finish within {} s [correlationId={}, activity={}]", TURN_LIMIT.toSeconds(),
                        correlationId, describe(activity));
                return ResponseEntity.ok("{}");
            }
            if (failure != null) {
                // The turn ran (and the turn error handler already apologised if it could): a 5xx would make
                // Teams deliver the same activity again.
                log.error("Turn failed after it started [correlationId={}]: {}", correlationId, Failures.summary(failure));
                return ResponseEntity.ok("{}");
            }
            if (result == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            String json = result.getBody() == null ? null : Serialization.toStringSilent(result.getBody());
            return ResponseEntity.status(result.getStatus()).body(json);
        });
    }

    /** For the log: the activity's type and name as sent, without control characters, and not too much of them. */
    private static String describe(Activity activity) {
        String kind = (activity.getType() + (activity.getName() == null ? "" : " " + activity.getName()))
                .replaceAll("\\p{Cntrl}", "?");
        return kind.length() > 80 ? kind.substring(0, 80) + "…" : kind;
    }

    private static Activity parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode tree = Serialization.jsonToTree(body);
            if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || tree.path("type").asText().isBlank()) {
                return null;
            }
            return Serialization.treeToValue(tree, Activity.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        String json = Serialization.toStringSilent(Map.of("error", message));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
