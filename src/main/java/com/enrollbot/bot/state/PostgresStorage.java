package com.enrollbot.bot.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.microsoft.bot.builder.Storage;
import com.microsoft.bot.builder.StoreItem;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * botbuilder {@link Storage} in PostgreSQL, shared by every instance of the bot, with optimistic concurrency.
 *
 * <p>Etag rules: a value read from here carries its etag (in the map under {@code "eTag"}, or through
 * {@link StoreItem}). A write with that etag succeeds only if nobody wrote since; a write without an etag only
 * creates a new key; a write with {@code "*"} overwrites whatever is there. A refused write throws
 * {@link StateConflictException} and changes nothing, for any of the keys in that call.
 */
public final class PostgresStorage implements Storage {

    static final String ETAG = "eTag";

    private final Jdbi jdbi;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    public PostgresStorage(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        // Dialog state holds objects of many types under Object-typed fields: type ids are needed to read them
        // back. CAUTION: only our own and the bot SDK's types may be named, so a tampered row cannot make
        // Jackson instantiate an arbitrary class.
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("java.util.")
                        .allowIfSubType("java.lang.")
                        .allowIfSubType("java.time.")
                        .allowIfSubType("com.microsoft.bot.")
                        .allowIfSubType("com.enrollbot.")
                        .build());
        this.writer = mapper.writerFor(Object.class);
        this.reader = mapper.readerFor(Object.class);
    }

    @Override
    public CompletableFuture<Map<String, Object>> read(String[] keys) {
        if (keys == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("keys must not be null"));
        }
        try {
            Map<String, Object> found = new HashMap<>();
            jdbi.useHandle(handle -> handle
                    .createQuery("SELECT state_key, etag, document::text AS document FROM bot_state WHERE state_key = ANY(:keys)")
                    .bindArray("keys", String.class, (Object[]) keys)
                    .map((rs, ctx) -> new Row(rs.getString("state_key"), rs.getLong("etag"), rs.getString("document")))
                    .forEach(row -> found.put(row.key(), decode(row))));
            return CompletableFuture.completedFuture(found);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> write(Map<String, Object> changes) {
        if (changes == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("changes must not be null"));
        }
        try {
            Map<String, Long> written = jdbi.inTransaction(handle -> {
                Map<String, Long> etags = new HashMap<>();
                for (Map.Entry<String, Object> change : changes.entrySet()) {
                    etags.put(change.getKey(), writeOne(handle, change.getKey(), change.getValue()));
                }
                return etags;
            });
            // The same object may be saved again in this turn: it must carry the etag it now has. Keyed by the
            // state key, not by the object: two equal objects written in one call each get their own etag.
            written.forEach((key, etag) -> setEtag(changes.get(key), etag));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> delete(String[] keys) {
        if (keys == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("keys must not be null"));
        }
        try {
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM bot_state WHERE state_key = ANY(:keys)")
                    .bindArray("keys", String.class, (Object[]) keys)
                    .execute());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private long writeOne(Handle handle, String key, Object value) {
        Objects.requireNonNull(value, () -> "value of state '" + key + "'");
        String expected = etagOf(value);
        String document = encode(value);
        List<Long> etag;
        if ("*".equals(expected)) {
            etag = handle.createQuery("""
                    INSERT INTO bot_state (state_key, etag, document) VALUES (:key, nextval('bot_state_etag'), CAST(:doc AS jsonb))
                    ON CONFLICT (state_key) DO UPDATE SET etag = EXCLUDED.etag, document = EXCLUDED.document, updated_at = now()
                    RETURNING etag""")
                    .bind("key", key).bind("doc", document).mapTo(Long.class).list();
        } else if (expected == null || expected.isEmpty()) {
            etag = handle.createQuery("""
                    INSERT INTO bot_state (state_key, etag, document) VALUES (:key, nextval('bot_state_etag'), CAST(:doc AS jsonb))
                    ON CONFLICT (state_key) DO NOTHING
                    RETURNING etag""")
                    .bind("key", key).bind("doc", document).mapTo(Long.class).list();
        } else {
            etag = handle.createQuery("""
                    UPDATE bot_state SET etag = nextval('bot_state_etag'), document = CAST(:doc AS jsonb), updated_at = now()
                    WHERE state_key = :key AND etag = :expected
                    RETURNING etag""")
                    .bind("key", key).bind("doc", document).bind("expected", parseEtag(expected))
                    .mapTo(Long.class).list();
        }
        if (etag.isEmpty()) {
            throw new StateConflictException(key);
        }
        return etag.get(0);
    }

    private static long parseEtag(String etag) {
        try {
            return Long.parseLong(etag);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String etagOf(Object value) {
        if (value instanceof StoreItem item) {
            return item.getETag();
        }
        if (value instanceof Map<?, ?> map && map.get(ETAG) instanceof String etag) {
            return etag;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void setEtag(Object value, long etag) {
        if (value instanceof StoreItem item) {
            item.setETag(Long.toString(etag));
        } else if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(ETAG, Long.toString(etag));
        }
    }

    private String encode(Object value) {
        Object persisted = value;
        if (value instanceof Map<?, ?> map && map.containsKey(ETAG)) {
            Map<Object, Object> copy = new HashMap<>(map);
            copy.remove(ETAG);
            persisted = copy;
        }
        try {
            return writer.writeValueAsString(persisted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("State of type " + value.getClass().getName() + " cannot be stored as JSON", e);
        }
    }

    private Object decode(Row row) {
        Object value;
        try {
            value = reader.readValue(row.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("State '" + row.key() + "' cannot be read back", e);
        }
        setEtag(value, row.etag());
        return value;
    }

    private record Row(String key, long etag, String document) {
    }

}
