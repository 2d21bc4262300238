package com.enrollbot.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.helpdesk.EnrollmentOverview;
import com.enrollbot.core.helpdesk.EnrollmentOverview.Cursor;
import com.enrollbot.core.helpdesk.HelpdeskStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.springframework.stereotype.Component;

@Component
final class JdbiHelpdeskStore implements HelpdeskStore {

    private final Jdbi jdbi;

    JdbiHelpdeskStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Enrollment> ofPeople(String orgId, UUID directoryId, Collection<String> objectIds) {
        if (objectIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(HelpdeskDao.class, dao -> dao.ofPeople(orgId, directoryId, List.copyOf(objectIds)));
    }

    @Override
    public List<Enrollment> matching(String orgId, String text, int limit) {
        return jdbi.withExtension(HelpdeskDao.class, dao -> dao.matching(orgId, text, limit));
    }

    @Override
    public Optional<Enrollment> find(String orgId, UUID enrollmentId) {
        return jdbi.withExtension(HelpdeskDao.class, dao -> dao.find(orgId, enrollmentId));
    }

    /** The state check and the write are one statement, so a retried or concurrent reset writes one event. */
    @Override
    public Revocation revoke(Revoke revoke) {
        return jdbi.inTransaction(handle -> {
            HelpdeskDao dao = handle.attach(HelpdeskDao.class);
            Optional<Enrollment> revoked = dao.revoke(revoke.orgId(), revoke.enrollmentId(), revoke.enrolledAt(), revoke.reason());
            if (revoked.isEmpty()) {
                return dao.find(revoke.orgId(), revoke.enrollmentId())
                        .<Revocation>map(current -> new Revocation.Unchanged(current))
                        .orElseGet(Revocation.NotFound::new);
            }
            dao.insertEvent(revoke.enrollmentId(), revoke.orgId(), "revoked", revoke.actorId(), revoke.actorName(),
                    revoke.reason());
            JdbiAuditLog.append(handle, revoke.audit());
            return new Revocation.Revoked(revoked.get());
        });
    }

    @Override
    public List<EnrollmentOverview.DirectoryCounts> counts(String orgId) {
        return jdbi.withExtension(HelpdeskDao.class, dao -> dao.counts(orgId));
    }

    @Override
    public List<EnrollmentOverview.Change> changes(String orgId, Optional<Cursor> before, int limit) {
        List<ChangeRow> rows = jdbi.withExtension(HelpdeskDao.class, dao -> before.isEmpty()
                ? dao.latestChanges(orgId, limit)
                : dao.changesBefore(orgId, before.get().at(), before.get().id(), limit));
        return rows.stream().map(ChangeRow::change).toList();
    }

    record ChangeRow(long id, Instant at, String directoryName, String objectId, String displayName, String upn,
                     String state, String actorId, String actorName, String reason) {
        EnrollmentOverview.Change change() {
            return new EnrollmentOverview.Change(id, at, directoryName, objectId, displayName, upn,
                    Enrollment.State.valueOf(state), actorId, actorName, reason);
        }
    }

    @RegisterRowMapper(EnrollmentRowMapper.class)
    @RegisterConstructorMapper(ChangeRow.class)
    @RegisterConstructorMapper(EnrollmentOverview.DirectoryCounts.class)
    interface HelpdeskDao {

        String COLUMNS = JdbiEnrollmentStore.COLUMNS;
        String CHANGE_COLUMNS = """
                ev.id, ev.at, d.display_name AS directory_name, e.object_id, e.display_name, e.upn,
                upper(ev.state) AS state, ev.actor_id, ev.actor_name, ev.reason
                  FROM enrollment_events ev
                  JOIN enrollments e ON e.id = ev.enrollment_id
                  JOIN directories d ON d.id = e.directory_id
                """;

        @SqlQuery("SELECT " + COLUMNS + " FROM enrollments WHERE org_id = :orgId AND directory_id = :directoryId"
                + " AND object_id IN (<objectIds>)")
        List<Enrollment> ofPeople(@Bind("orgId") String orgId, @Bind("directoryId") UUID directoryId,
                                  @BindList("objectIds") List<String> objectIds);

        @SqlQuery("SELECT " + COLUMNS + " " + """
                FROM enrollments
                 WHERE org_id = :orgId
                   AND (lower(upn) = lower(:text) OR lower(mail) = lower(:text)
                        OR starts_with(lower(display_name), lower(:text)))
                 ORDER BY (coalesce(lower(upn) = lower(:text), FALSE) OR coalesce(lower(mail) = lower(:text), FALSE)) DESC,
                          display_name, id
                 LIMIT :limit""")
        List<Enrollment> matching(@Bind("orgId") String orgId, @Bind("text") String text, @Bind("limit") int limit);

        @SqlQuery("SELECT " + COLUMNS + " FROM enrollments WHERE org_id = :orgId AND id = :id")
        Optional<Enrollment> find(@Bind("orgId") String orgId, @Bind("id") UUID id);

        @SqlQuery("""
                UPDATE enrollments SET state = 'revoked', state_reason = :reason, updated_at = now()
                 WHERE org_id = :orgId AND id = :id AND state = 'enrolled' AND enrolled_at = :enrolledAt
                RETURNING\s""" + COLUMNS)
        Optional<Enrollment> revoke(@Bind("orgId") String orgId, @Bind("id") UUID id, @Bind("enrolledAt") Instant enrolledAt,
                             @Bind("reason") String reason);

        @SqlUpdate("""
                INSERT INTO enrollment_events (enrollment_id, org_id, state, actor_id, actor_name, reason)
                VALUES (:enrollmentId, :orgId, :state, :actorId, :actorName, :reason)""")
        void insertEvent(@Bind("enrollmentId") UUID enrollmentId, @Bind("orgId") String orgId, @Bind("state") String state,
                         @Bind("actorId") String actorId, @Bind("actorName") String actorName,
                         @Bind("reason") String reason);

        @SqlQuery("""
                SELECT d.id AS directory_id, d.display_name AS directory_name,
                       count(e.id) FILTER (WHERE e.state = 'enrolled') AS enrolled,
                       count(e.id) FILTER (WHERE e.state = 'revoked') AS revoked,
                       count(e.id) FILTER (WHERE e.state = 'disabled') AS disabled
                  FROM directories d
                  LEFT JOIN enrollments e ON e.directory_id = d.id
                 WHERE d.org_id = :orgId
                 GROUP BY d.id, d.display_name
                 ORDER BY d.display_name, d.id""")
        List<EnrollmentOverview.DirectoryCounts> counts(@Bind("orgId") String orgId);

        @SqlQuery("SELECT " + CHANGE_COLUMNS + """
                 WHERE ev.org_id = :orgId
                 ORDER BY ev.at DESC, ev.id DESC
                 LIMIT :limit""")
        List<ChangeRow> latestChanges(@Bind("orgId") String orgId, @Bind("limit") int limit);

        @SqlQuery("SELECT " + CHANGE_COLUMNS + """
                 WHERE ev.org_id = :orgId AND (ev.at, ev.id) < (:at, :id)
                 ORDER BY ev.at DESC, ev.id DESC
                 LIMIT :limit""")
        List<ChangeRow> changesBefore(@Bind("orgId") String orgId, @Bind("at") Instant at, @Bind("id") long id,
                                      @Bind("limit") int limit);
    }
}
