package db.migration;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.roaringbitmap.RoaringBitmap;

/**
 * "Announced once" moves from one row per (enterprise, item) — 236 million rows for a province — to one
 * Roaring bitmap per item over match_subject's numbering, owned by matching. The pairs already announced
 * are carried over; which message announced a pair is the 政策包 that lists it (view announced_pair).
 * Java because the bitmaps are built in Java.
 */
public class V25__matching_announced_sets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE match_announced (
                        item_code VARCHAR(40) PRIMARY KEY,
                        members   INT NOT NULL,
                        bitmap    BYTEA NOT NULL
                    )""");
            s.execute("ALTER TABLE match_announced ALTER COLUMN bitmap SET STORAGE EXTERNAL");
            s.execute("""
                    INSERT INTO match_subject (uscc) SELECT DISTINCT n.uscc FROM match_notice n
                    WHERE NOT EXISTS (SELECT 1 FROM match_subject m WHERE m.uscc = n.uscc) ORDER BY 1 ON CONFLICT (uscc) DO NOTHING""");
        }
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("INSERT INTO match_announced (item_code, members, bitmap) VALUES (?, ?, ?)")) {
            read.setFetchSize(50_000);
            try (ResultSet rs = read.executeQuery(
                    "SELECT n.item_code, s.ordinal FROM match_notice n JOIN match_subject s ON s.uscc = n.uscc ORDER BY n.item_code")) {
                String item = null;
                RoaringBitmap members = new RoaringBitmap();
                while (rs.next()) {
                    if (item != null && !item.equals(rs.getString(1))) {
                        insert(write, item, members);
                        members = new RoaringBitmap();
                    }
                    item = rs.getString(1);
                    members.add(rs.getInt(2));
                }
                if (item != null) {
                    insert(write, item, members);
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE match_notice");
            s.execute("""
                    CREATE VIEW announced_pair AS
                    SELECT m.uscc, i.item_code, m.id AS message_id, m.created_at, m.read_at
                    FROM inbox_message m CROSS JOIN LATERAL unnest(m.item_codes) AS i(item_code)""");
            s.execute("COMMENT ON VIEW announced_pair IS "
                    + "'notify: each (enterprise, item) announced, with the 政策包 that announced it (matching announces a pair once)'");
        }
    }

    private static void insert(PreparedStatement write, String item, RoaringBitmap members) throws Exception {
        members.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(members.serializedSizeInBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            members.serialize(out);
        }
        write.setString(1, item);
        write.setInt(2, members.getCardinality());
        write.setBytes(3, bytes.toByteArray());
        write.executeUpdate();
    }
}
