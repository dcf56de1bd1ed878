package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers shared by the stores: every statement and result set is closed. */
final class Rows {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    /** Runs a query with positional parameters and maps every row. */
    static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(mapper.map(rs));
                }
            }
            return result;
        }
    }

    /** The single number a query such as {@code SELECT count(*) ...} returns. */
    static long number(Connection c, String sql, Object... parameters) throws SQLException {
        List<Long> values = list(c, sql, rs -> rs.getLong(1), parameters);
        return values.isEmpty() ? 0 : values.getFirst();
    }

    /** The rowid of the row the connection inserted last. */
    static long lastId(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
