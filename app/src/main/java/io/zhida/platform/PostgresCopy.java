package io.zhida.platform;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * COPY … FROM STDIN on the connection of the current transaction: the way to write hundreds of
 * thousands of rows at once. Rows are in COPY text format (tab-separated, \N for null).
 */
public final class PostgresCopy {

    private PostgresCopy() {
    }

    public static void copyIn(DataSource dataSource, String copySql, CharSequence rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(copySql + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
