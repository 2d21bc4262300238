package com.enrollbot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.core.directory.DirectoryStore;
import com.enrollbot.core.directory.SealedSecret;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;

/**
 * Directories in PostgreSQL. Every statement that an admin's action reaches names {@code org_id} in its WHERE
 * clause; the sealed secret is read by one statement only ({@link #secretOf}) and never by the row mapper.
 */
@Component
final class JdbiDirectoryStore implements DirectoryStore {

    private static final String COLUMNS = """
            id, org_id, display_name, tenant_id, client_id, secret_expires_on, enabled, status, status_reason,
            last_checked_at, version""";

    private final Jdbi jdbi;

    JdbiDirectoryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Directory> find(String orgId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM directories WHERE org_id = :org AND id = :id",
                query -> query.bind("org", orgId).bind("id", id));
    }

    @Override
    public Optional<Directory> findByTenant(String tenantId) {
        return one("SELECT " + COLUMNS + " FROM directories WHERE tenant_id = :tenant",
                query -> query.bind("tenant", tenantId));
    }

    @Override
    public Optional<Directory> findByRequestKey(String orgId, String requestKey) {
        return one("SELECT " + COLUMNS + " FROM directories WHERE org_id = :org AND request_key = :key",
                query -> query.bind("org", orgId).bind("key", requestKey));
    }

    @Override
    public List<Directory> ofOrganization(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM directories WHERE org_id = :org ORDER BY lower(display_name), id")
                .bind("org", orgId)
                .map(ROW).list());
    }

    @Override
    public Insertion insert(NewDirectory directory) {
        // ON CONFLICT DO NOTHING covers both unique keys: a retried request and a tenant taken meanwhile.
        Optional<Directory> inserted = jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO directories (id, org_id, display_name, tenant_id, client_id, secret_ciphertext,
                            secret_key_id, secret_expires_on, status, status_reason, last_checked_at, request_key, created_by)
                        VALUES (:id, :org, :name, :tenant, :client, :ciphertext, :keyId, :expiresOn, :status, :reason,
                            :checkedAt, :requestKey, :createdBy)
                        ON CONFLICT DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .bind("id", directory.id())
                .bind("org", directory.orgId())
                .bind("name", directory.displayName())
                .bind("tenant", directory.tenantId())
                .bind("client", directory.clientId())
                .bind("ciphertext", directory.secret().ciphertext())
                .bind("keyId", directory.secret().keyId())
                .bind("expiresOn", directory.secretExpiresOn())
                .bind("status", status(directory.check().status()))
                .bind("reason", directory.check().reason())
                .bind("checkedAt", timestamp(directory.check().checkedAt()))
                .bind("requestKey", directory.requestKey())
                .bind("createdBy", directory.createdBy())
                .map(ROW).findOne());
        if (inserted.isPresent()) {
            return new Insertion.Inserted(inserted.get());
        }
        return findByRequestKey(directory.orgId(), directory.requestKey())
                .<Insertion>map(Insertion.RequestKeyTaken::new)
                .orElseGet(Insertion.TenantTaken::new);
    }

    @Override
    public Optional<Directory> rename(String orgId, UUID id, long expectedVersion, String displayName,
                                      LocalDate secretExpiresOn) {
        return one("""
                        UPDATE directories SET display_name = :name, secret_expires_on = :expiresOn,
                            version = version + 1, updated_at = now()
                        WHERE org_id = :org AND id = :id AND version = :version
                        RETURNING\s""" + COLUMNS,
                query -> query.bind("org", orgId).bind("id", id).bind("version", expectedVersion)
                        .bind("name", displayName).bind("expiresOn", secretExpiresOn));
    }

    @Override
    public Optional<Directory> replaceSecret(String orgId, UUID id, long expectedVersion, String displayName,
                                             LocalDate secretExpiresOn, SealedSecret secret, CheckResult check) {
        return one("""
                        UPDATE directories SET display_name = :name, secret_expires_on = :expiresOn,
                            secret_ciphertext = :ciphertext, secret_key_id = :keyId,
                            status = :status, status_reason = :reason, last_checked_at = :checkedAt,
                            version = version + 1, updated_at = now()
                        WHERE org_id = :org AND id = :id AND version = :version
                        RETURNING\s""" + COLUMNS,
                query -> query.bind("org", orgId).bind("id", id).bind("version", expectedVersion)
                        .bind("name", displayName).bind("expiresOn", secretExpiresOn)
                        .bind("ciphertext", secret.ciphertext()).bind("keyId", secret.keyId())
                        .bind("status", status(check.status())).bind("reason", check.reason())
                        .bind("checkedAt", timestamp(check.checkedAt())));
    }

    @Override
    public Optional<Directory> setEnabled(String orgId, UUID id, long expectedVersion, boolean enabled) {
        return one("""
                        UPDATE directories SET enabled = :enabled, version = version + 1, updated_at = now()
                        WHERE org_id = :org AND id = :id AND version = :version
                        RETURNING\s""" + COLUMNS,
                query -> query.bind("org", orgId).bind("id", id).bind("version", expectedVersion).bind("enabled", enabled));
    }

    @Override
    public Optional<Directory> recordCheck(String orgId, UUID id, SealedSecret checked, CheckResult check) {
        return one("""
                        UPDATE directories SET status = :status, status_reason = :reason, last_checked_at = :checkedAt
                        WHERE org_id = :org AND id = :id AND secret_ciphertext = :ciphertext AND secret_key_id = :keyId
                        RETURNING\s""" + COLUMNS,
                query -> query.bind("org", orgId).bind("id", id)
                        .bind("ciphertext", checked.ciphertext()).bind("keyId", checked.keyId())
                        .bind("status", status(check.status())).bind("reason", check.reason())
                        .bind("checkedAt", timestamp(check.checkedAt())));
    }

    /** The one directory row a query returns, if any: every single-row statement here maps it the same way. */
    private Optional<Directory> one(String sql, UnaryOperator<Query> bind) {
        return jdbi.withHandle(handle -> bind.apply(handle.createQuery(sql)).map(ROW).findOne());
    }

    @Override
    public boolean delete(String orgId, UUID id, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM directories WHERE org_id = :org AND id = :id AND version = :version")
                .bind("org", orgId).bind("id", id).bind("version", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public Optional<SealedSecret> secretOf(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT secret_ciphertext, secret_key_id FROM directories WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new SealedSecret(rs.getBytes("secret_ciphertext"), rs.getString("secret_key_id")))
                .findOne());
    }

    @Override
    public int enrollmentCount(String orgId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM enrollments WHERE org_id = :org AND directory_id = :id")
                .bind("org", orgId).bind("id", id)
                .mapTo(Integer.class).one());
    }

    private static String status(DirectoryStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static final RowMapper<Directory> ROW = JdbiDirectoryStore::map;

    private static Directory map(ResultSet rs, StatementContext ctx) throws SQLException {
        OffsetDateTime checked = rs.getObject("last_checked_at", OffsetDateTime.class);
        return new Directory(
                rs.getObject("id", UUID.class),
                rs.getString("org_id"),
                rs.getString("display_name"),
                rs.getString("tenant_id"),
                rs.getString("client_id"),
                rs.getObject("secret_expires_on", LocalDate.class),
                rs.getBoolean("enabled"),
                DirectoryStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("status_reason"),
                checked == null ? null : checked.toInstant(),
                rs.getLong("version"));
    }
}
