package io.zhida.cockpit.internal;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.engine.standard.SizeClass;
import io.zhida.platform.PostgresCopy;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the events and the rebuild both write: the one-writer lock, and the dimensions of the enterprises
 * (county, industry section, size class) and of the items the cells are cut by.
 */
@Component
class CockpitDimensions {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;

    CockpitDimensions(JdbcClient jdbc, DataSource dataSource, EnterpriseProfiles profiles, PolicyCatalog catalog) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.profiles = profiles;
        this.catalog = catalog;
    }

    /**
     * One writer at a time: events arrive on several threads at once and a rebuild truncates the tables;
     * a transaction-scoped advisory lock orders them all, so they can neither deadlock nor interleave.
     */
    void serialize() {
        jdbc.sql("SELECT pg_advisory_xact_lock(74201121)").query((rs, n) -> null).list();
    }

    /** The enterprises' dimensions (county, industry section, size class), all of them again. */
    void loadEnterprises() {
        jdbc.sql("TRUNCATE cockpit_enterprise").update();
        StringBuilder rows = new StringBuilder();
        profiles.forEach(p -> rows.append(p.uscc()).append('\t').append(p.region()).append('\t').append(p.industry().charAt(0))
                .append('\t').append(size(p)).append('\n'));
        PostgresCopy.copyIn(dataSource, "COPY cockpit_enterprise (uscc, region, industry, size) FROM STDIN", rows);
    }

    void upsertEnterprises(List<EnterpriseProfile> changed) {
        for (EnterpriseProfile p : changed) {
            jdbc.sql("""
                            INSERT INTO cockpit_enterprise (uscc, region, industry, size) VALUES (?, ?, ?, ?)
                            ON CONFLICT (uscc) DO UPDATE SET region = excluded.region, industry = excluded.industry, size = excluded.size""")
                    .params(p.uscc(), p.region(), p.industry().substring(0, 1), size(p)).update();
        }
    }

    private static String size(EnterpriseProfile p) {
        return SizeClass.classify(p.industry(), (Integer) p.value("employees"), yuan(p.value("revenue")), yuan(p.value("total_assets")))
                .orElse("未知");
    }

    private static Double yuan(Object amount) {
        return amount instanceof java.math.BigDecimal d ? d.doubleValue() : null;
    }

    void putItem(PolicyItem item) {
        jdbc.sql("""
                        INSERT INTO cockpit_item (item_code, name, departments, themes, mode, online) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (item_code) DO UPDATE SET name = excluded.name, departments = excluded.departments, themes = excluded.themes,
                          mode = excluded.mode, online = excluded.online""")
                .params(item.code(), item.content().name(), item.content().departments().toArray(String[]::new),
                        item.content().themes().toArray(String[]::new), item.content().mode().name(),
                        catalog.onlineItem(item.code()).isPresent()).update();
    }
}
