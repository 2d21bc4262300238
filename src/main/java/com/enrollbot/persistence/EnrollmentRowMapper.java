package com.enrollbot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import com.enrollbot.core.enrollment.Enrollment;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code enrollments} selected with {@link JdbiEnrollmentStore#COLUMNS}, read by column position. It
 * runs on every enrollment turn, where a reflective constructor mapper matched column names to parameters again
 * for each result set. Public only so that Jdbi's SQL objects ({@code @RegisterRowMapper}) can create it.
 */
public final class EnrollmentRowMapper implements RowMapper<Enrollment> {

    @Override
    public Enrollment map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Enrollment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                Enrollment.State.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getObject(12, OffsetDateTime.class).toInstant());
    }
}
