package com.enrollbot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** What the benchmark reads straight from the bot's database: directory status, and enrollments to check. */
final class BenchDatabase {

    private final String url;

    BenchDatabase(String url) {
        this.url = url;
    }

    Optional<String> directoryStatus(String tenantId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement query = connection.prepareStatement("SELECT status FROM directories WHERE tenant_id = ?")) {
            query.setString(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The object id of every enrollment row of the tenant's directory, one entry per row (duplicates kept). */
    EnrollmentRows enrollmentRows(String tenantId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT e.object_id FROM enrollments e JOIN directories d ON d.id = e.directory_id
                     WHERE d.tenant_id = ?""")) {
            query.setString(1, tenantId);
            long rows = 0;
            Set<String> people = new HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                    people.add(result.getString(1));
                }
            }
            return new EnrollmentRows(rows, people);
        }
    }

    record EnrollmentRows(long rows, Set<String> objectIds) {
    }
}
