package io.zhida.enterprise;

import com.fasterxml.jackson.annotation.JsonValue;
import io.zhida.engine.rule.DataStandard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One enterprise's profile: the values it holds of the data standard's stored attributes ({@link DataStandard}),
 * by name, typed as held (text, {@link LocalDate}, {@link BigDecimal} yuan, {@link Integer}, {@link Boolean},
 * lists of text); an attribute the platform does not hold is absent. {@code tags} are the effective tags
 * (manual ones plus those whose tag rule holds); {@code extra} holds the values of attributes an administrator
 * declared, and a given {@code scale}. The accessors below are conveniences for the attributes most pages show.
 */
public record EnterpriseProfile(String uscc, Map<String, Object> values, List<String> manualTags, Map<String, Object> extra) {

    public EnterpriseProfile {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        manualTags = List.copyOf(manualTags);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public String name() {
        return (String) values.get("name");
    }

    public String region() {
        return (String) values.get("region");
    }

    public String industry() {
        return (String) values.get("industry");
    }

    public String status() {
        return (String) values.get("status");
    }

    public String contactPhone() {
        return (String) values.get("contact_phone");
    }

    public String contactEmail() {
        return (String) values.get("contact_email");
    }

    @SuppressWarnings("unchecked")
    public List<String> tags() {
        return (List<String>) values.getOrDefault("tags", List.of());
    }

    /** The attributes in the data standard's names as the rule engine reads them; what is not held is left out. */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", uscc);
        for (DataStandard.Entry entry : DataStandard.ENTRIES) {
            Object value = values.get(entry.name());
            if (value != null && entry.kind() != DataStandard.Kind.CONTACT) {
                m.put(entry.name(), value instanceof LocalDate d ? d.toString() : value);
            }
        }
        extra.forEach((name, value) -> {
            if (value != null) {
                m.put(name, value);
            }
        });
        return m;
    }

    /** As the API writes it: in the data standard's names, as an import takes them, with the tags as imported apart. */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", uscc);
        values.forEach((name, value) -> m.put(name, value instanceof LocalDate d ? d.toString() : value));
        m.put("manual_tags", manualTags);
        m.putAll(extra);
        return m;
    }

    /** An attribute's value, or a contact field's (contact_phone, contact_email); null when not held. */
    public Object value(String name) {
        return DataStandard.find(name).filter(e -> e.kind() == DataStandard.Kind.CONTACT).isPresent()
                ? values.get(name) : attributes().get(name);
    }
}
