package io.zhida.enterprise.internal;

import io.zhida.enterprise.AttributeCatalog.Declared;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class AttributeRows {

    private final JdbcClient jdbc;

    AttributeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Declared> all() {
        return jdbc.sql("SELECT name, label, cel_type, unit, source_system, owner_department, declared_by "
                        + "FROM enterprise_attribute ORDER BY declared_at, name")
                .query((rs, n) -> new Declared(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    public void insert(Declared d) {
        jdbc.sql("INSERT INTO enterprise_attribute (name, label, cel_type, unit, source_system, owner_department, declared_by) "
                        + "VALUES (:n, :l, :t, :u, :s, :o, :b)")
                .param("n", d.name()).param("l", d.label()).param("t", d.celType()).param("u", d.unit())
                .param("s", d.sourceSystem()).param("o", d.ownerDepartment()).param("b", d.declaredBy())
                .update();
    }
}
