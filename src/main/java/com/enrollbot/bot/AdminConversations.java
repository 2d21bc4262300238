package com.enrollbot.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.enrollbot.config.BotSettings;
import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.enrollment.OrganizationAdmins;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reaches an organization's admins in their personal chats with the bot. A bot can only message a chat it
 * knows the conversation reference of, so the reference of every admin's personal chat is kept when they
 * talk to the bot (only admins: employees leave no trace until they enroll).
 */
@Component
final class AdminConversations implements OrganizationAdmins, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminConversations.class);
    private static final int MAX_NAMES = 5;
    /** Bounds the memory of what was stored already; forgetting only costs one more upsert. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Jdbi jdbi;
    private final TeamsBotAdapter adapter;
    private final String appId;
    private final List<String> bootstrapAdminIds;
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "admin-notices");
        thread.setDaemon(true);
        return thread;
    });

    AdminConversations(Jdbi jdbi, TeamsBotAdapter adapter, BotSettings settings) {
        this.jdbi = jdbi;
        this.adapter = adapter;
        this.appId = settings.appId();
        this.bootstrapAdminIds = List.copyOf(settings.bootstrapAdminIds());
    }

    /** Keeps where an admin can be reached; a write only when the chat is new or moved (not on every turn). */
    void remember(Activity activity, Caller caller, Role role) {
        if (role != Role.ADMIN || activity.getConversation() == null
                || !"personal".equals(activity.getConversation().getConversationType())) {
            return;
        }
        String key = caller.orgId() + "|" + caller.objectId();
        String where = activity.getConversation().getId() + "|" + activity.getServiceUrl() + "|" + caller.displayName();
        if (where.equals(stored.get(key))) {
            return;
        }
        ConversationReference reference = activity.getConversationReference();
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO admin_conversations (org_id, object_id, display_name, reference, updated_at)
                VALUES (:orgId, :objectId, :displayName, CAST(:reference AS jsonb), now())
                ON CONFLICT (org_id, object_id) DO UPDATE
                   SET display_name = EXCLUDED.display_name, reference = EXCLUDED.reference, updated_at = now()""")
                .bind("orgId", caller.orgId())
                .bind("objectId", caller.objectId())
                .bind("displayName", caller.displayName())
                .bind("reference", Serialization.toStringSilent(reference))
                .execute());
        if (stored.size() >= MAX_REMEMBERED) {
            stored.clear();
        }
        stored.put(key, where);
    }

    @Override
    public List<String> namesOf(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT DISTINCT name FROM (
                    SELECT c.display_name AS name FROM admin_conversations c
                     WHERE c.org_id = :orgId AND (c.object_id = ANY(:bootstrap) OR EXISTS (
                           SELECT 1 FROM role_grants g
                            WHERE g.org_id = c.org_id AND g.object_id = c.object_id AND g.role = 'admin'))
                    UNION
                    SELECT g.display FROM role_grants g WHERE g.org_id = :orgId AND g.role = 'admin'
                ) admins
                WHERE name IS NOT NULL AND name <> ''
                ORDER BY name
                LIMIT :limit""")
                .bind("orgId", orgId)
                .bindArray("bootstrap", String.class, bootstrapAdminIds)
                .bind("limit", MAX_NAMES)
                .mapTo(String.class)
                .list());
    }

    /** In the background: an employee's turn does not wait for the admins' chats. */
    @Override
    public CompletableFuture<Integer> tell(String orgId, String message) {
        Objects.requireNonNull(message, "message");
        return CompletableFuture.supplyAsync(() -> {
            int reached = 0;
            for (ConversationReference admin : adminsOf(orgId)) {
                try {
                    adapter.sendText(appId, admin, message).join();
                    reached++;
                } catch (RuntimeException e) {
                    // A chat the bot was removed from; the others still get the notice.
                    log.warn("Could not notify an admin of organization {}: {}", orgId, e.toString());
                }
            }
            return reached;
        }, senders);
    }

    /** The stored chats of people who are admins of the organization now (roles change after they talked). */
    private List<ConversationReference> adminsOf(String orgId) {
        List<String> references = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT c.reference::text FROM admin_conversations c
                 WHERE c.org_id = :orgId AND (c.object_id = ANY(:bootstrap) OR EXISTS (
                       SELECT 1 FROM role_grants g
                        WHERE g.org_id = c.org_id AND g.object_id = c.object_id AND g.role = 'admin'))
                 ORDER BY c.updated_at DESC""")
                .bind("orgId", orgId)
                .bindArray("bootstrap", String.class, bootstrapAdminIds)
                .mapTo(String.class)
                .list());
        List<ConversationReference> admins = new ArrayList<>();
        for (String json : references) {
            try {
                admins.add(Serialization.getAs(Serialization.jsonToTree(json), ConversationReference.class));
            } catch (Exception e) {
                log.warn("Skipping an unreadable admin conversation reference of organization {}", orgId);
            }
        }
        return admins;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
