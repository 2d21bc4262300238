package com.enrollbot.bot;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.enrollbot.config.BotSettings;
import com.enrollbot.core.access.Caller;
import com.enrollbot.core.helpdesk.EmployeeChats;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where an enrolled person can be told that the helpdesk reset their enrollment: the personal chat they last
 * talked to the bot in while enrolled. The reference is kept with the enrollment (never for someone who is
 * not enrolled: such a person exists nowhere in the database) and is taken when the enrollment is reset.
 */
@Component
public final class EmployeeConversations implements EmployeeChats, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmployeeConversations.class);
    /** Bounds the memory of chats already looked at; forgetting only costs one more statement. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Jdbi jdbi;
    private final TeamsBotAdapter adapter;
    private final String appId;
    /** Person to the chat last looked at on this instance, enrolled or not: one statement per person and chat. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "employee-notices");
        thread.setDaemon(true);
        return thread;
    });

    EmployeeConversations(Jdbi jdbi, TeamsBotAdapter adapter, BotSettings settings) {
        this.jdbi = jdbi;
        this.adapter = adapter;
        this.appId = settings.appId();
    }

    /**
     * When a turn showed that the person is enrolled: keeps their personal chat, once per chat per instance.
     * Turns of people who are not enrolled never come here, so the rush of first enrollments costs no statement.
     */
    public void enrolledBefore(Turn turn) {
        Optional<String> where = personalChat(turn.activity());
        if (where.isEmpty() || where.get().equals(seen.get(key(turn.caller())))) {
            return;
        }
        store(turn.activity(), turn.caller());
        remember(turn.caller(), where.get());
    }

    /** Right after the person enrolled in this turn: their chat is kept whatever this instance saw before. */
    public void enrolled(Turn turn) {
        personalChat(turn.activity()).ifPresent(where -> {
            store(turn.activity(), turn.caller());
            remember(turn.caller(), where);
        });
    }

    private void remember(Caller caller, String where) {
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        seen.put(key(caller), where);
    }

    @Override
    public boolean tellAndForget(UUID enrollmentId, String message) {
        Optional<String> taken = jdbi.withHandle(handle -> handle.createQuery("""
                DELETE FROM enrollment_conversations WHERE enrollment_id = :enrollmentId RETURNING reference::text""")
                .bind("enrollmentId", enrollmentId)
                .mapTo(String.class)
                .findOne());
        if (taken.isEmpty()) {
            return false;
        }
        ConversationReference reference;
        try {
            reference = Serialization.getAs(Serialization.jsonToTree(taken.get()), ConversationReference.class);
        } catch (Exception e) {
            log.warn("Skipping an unreadable employee conversation reference of enrollment {}", enrollmentId);
            return false;
        }
        senders.execute(() -> {
            try {
                adapter.sendText(appId, reference, message).join();
            } catch (RuntimeException e) {
                // The person removed the bot, or the connector is down: the reset stands, the agent can tell them.
                log.warn("Could not tell the person of enrollment {} about its reset: {}", enrollmentId, e.toString());
            }
        });
        return true;
    }

    /**
     * One statement that writes only for a person enrolled through the directory of their own tenant, which is
     * the directory they enroll through.
     */
    private void store(Activity activity, Caller caller) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO enrollment_conversations (enrollment_id, reference, updated_at)
                SELECT e.id, CAST(:reference AS jsonb), now()
                  FROM directories d JOIN enrollments e ON e.directory_id = d.id
                 WHERE d.tenant_id = :tenantId AND e.object_id = :objectId AND e.state = 'enrolled'
                ON CONFLICT (enrollment_id) DO UPDATE SET reference = EXCLUDED.reference, updated_at = now()""")
                .bind("tenantId", caller.orgId())
                .bind("objectId", caller.objectId())
                .bind("reference", Serialization.toStringSilent(activity.getConversationReference()))
                .execute());
    }

    private static Optional<String> personalChat(Activity activity) {
        if (activity.getConversation() == null || !"personal".equals(activity.getConversation().getConversationType())) {
            return Optional.empty();
        }
        return Optional.of(activity.getConversation().getId() + "|" + activity.getServiceUrl());
    }

    private static String key(Caller caller) {
        return caller.orgId() + "|" + caller.objectId();
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
