package org.icpengine.core.expr;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with {@code ?} placeholders and the values to bind to them, in order.
 *
 * @param sql    trusted SQL text; holds no value written by a user
 * @param params one value per {@code ?}: {@link String}, {@link Long}, {@link Double},
 *               {@link java.time.LocalDate}, {@link java.time.LocalDateTime} or {@link Boolean}; never null
 */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }

    /**
     * Binds {@link #params()} to {@code statement} from parameter index {@code first} (1-based) on, with
     * {@link PreparedStatement#setObject(int, Object)}.
     *
     * @return the index of the next parameter after these
     */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object param : params) {
            statement.setObject(index++, param);
        }
        return index;
    }
}
