package io.zhida.demo;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.matching.MatchingService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the modules' histories share, as temporary tables filled from the owners' Java APIs (never from their tables):
 * the eligible pairs, the enterprises, the online items and the departments that have a reviewer. Dropped at commit.
 */
@Component
class DemoWorkingTables {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MatchingService matching;
    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;
    private final UserAdministration users;
    private final Organisations organisations;

    DemoWorkingTables(JdbcClient jdbc, DataSource dataSource, MatchingService matching, EnterpriseProfiles profiles, PolicyCatalog catalog,
                      UserAdministration users, Organisations organisations) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.matching = matching;
        this.profiles = profiles;
        this.catalog = catalog;
        this.users = users;
        this.organisations = organisations;
    }

    /** The shared working tables, from the owners' Java APIs; dropped at commit. */
    private static void insertEnterprises(JdbcTemplate batch, List<EnterpriseProfile> chunk) {
        batch.batchUpdate("INSERT INTO demo_enterprise (uscc, name, region) VALUES (?, ?, ?)", chunk, chunk.size() + 1, (ps, e) -> {
            ps.setString(1, e.uscc());
            ps.setString(2, e.name());
            ps.setString(3, e.region());
        });
        chunk.clear();
    }

    void fill() {
        jdbc.sql("SELECT setseed(?)").param(0.2026).query((rs, n) -> null).list(); // the same city for the same seed
        JdbcTemplate batch = new JdbcTemplate(dataSource);
        jdbc.sql("CREATE TEMP TABLE demo_match (uscc CHAR(18) NOT NULL, item_code VARCHAR(40) NOT NULL) ON COMMIT DROP").update();
        batch.batchUpdate("INSERT INTO demo_match (uscc, item_code) VALUES (?, ?)", matching.eligiblePairs(null, null, Integer.MAX_VALUE), 5000,
                (ps, p) -> {
                    ps.setString(1, p.getKey());
                    ps.setString(2, p.getValue());
                });
        jdbc.sql("CREATE TEMP TABLE demo_enterprise (uscc CHAR(18) PRIMARY KEY, name TEXT NOT NULL, region TEXT) ON COMMIT DROP").update();
        List<EnterpriseProfile> chunk = new ArrayList<>(5000); // a province's demo need not sit in memory at once
        profiles.forEach(e -> {
            chunk.add(e);
            if (chunk.size() == 5000) {
                insertEnterprises(batch, chunk);
            }
        });
        insertEnterprises(batch, chunk);
        jdbc.sql("""
                CREATE TEMP TABLE demo_item (code TEXT PRIMARY KEY, version INT NOT NULL, name TEXT NOT NULL, mode TEXT NOT NULL,
                                             departments TEXT[] NOT NULL, cap NUMERIC NOT NULL, budget NUMERIC NOT NULL) ON COMMIT DROP""").update();
        batch.batchUpdate("INSERT INTO demo_item VALUES (?, ?, ?, ?, ?, ?, ?)", catalog.onlineItems(), 500, (ps, i) -> {
            ps.setString(1, i.code());
            ps.setInt(2, i.version());
            ps.setString(3, i.content().name());
            ps.setString(4, i.content().mode().name());
            ps.setArray(5, ps.getConnection().createArrayOf("text", i.content().departments().toArray()));
            ps.setBigDecimal(6, i.content().cap() == null ? new BigDecimal("80000") : i.content().cap());
            ps.setBigDecimal(7, i.content().annualBudget() == null ? BigDecimal.ZERO : i.content().annualBudget());
        });
        // open reviews only where someone can sign for them
        jdbc.sql("CREATE TEMP TABLE demo_reviewing_department (code TEXT PRIMARY KEY) ON COMMIT DROP").update();
        users.list(null).stream().filter(u -> u.enabled() && u.departmentId() != null && u.roles().contains(Role.REVIEWER))
                .map(u -> organisations.department(u.departmentId()).map(Organisations.Department::code).orElse(null))
                .filter(java.util.Objects::nonNull).distinct()
                .forEach(code -> jdbc.sql("INSERT INTO demo_reviewing_department VALUES (?)").param(code).update());
    }
}
