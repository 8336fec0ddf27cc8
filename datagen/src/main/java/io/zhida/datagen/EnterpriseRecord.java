package io.zhida.datagen;

import io.zhida.engine.rule.DataStandard;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated enterprise: its values by the names of the enterprise data standard ({@link DataStandard}),
 * dates as ISO text and money in yuan. An absent name is an attribute the platform does not hold (absent,
 * not zero); a new attribute of the standard is simply absent until the generator learns to draw it.
 */
public record EnterpriseRecord(Map<String, Object> values) {

    public EnterpriseRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String uscc() {
        return (String) values.get("uscc");
    }

    public String region() {
        return (String) values.get("region");
    }

    public String industry() {
        return (String) values.get("industry");
    }

    public Integer employees() {
        return (Integer) values.get("employees");
    }

    @SuppressWarnings("unchecked")
    public List<String> qualifications() {
        return (List<String>) values.getOrDefault("qualifications", List.of());
    }

    /** The rule attributes held, in the standard's names (contact data is not an attribute). */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            boolean contact = DataStandard.find(name).map(e -> e.kind() == DataStandard.Kind.CONTACT).orElse(false);
            if (value != null && !contact) {
                m.put(name, value);
            }
        });
        return m;
    }
}
