package io.zhida.engine.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attributes of enterprise data standard v1 ({@link DataStandard}), plus any an administrator declares. */
public final class AttributeSchema {

    /** The rule attributes of {@link DataStandard} (its contact data is not for rules). */
    private static final List<Attribute> STANDARD = DataStandard.ENTRIES.stream()
            .flatMap(e -> e.attribute().stream()).toList();

    private final Map<String, Attribute> attributes;

    private AttributeSchema(Collection<Attribute> attributes) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        attributes.forEach(a -> map.put(a.name(), a));
        this.attributes = Map.copyOf(map);
    }

    public static AttributeSchema standard() {
        return new AttributeSchema(STANDARD);
    }

    /** The standard attributes plus declared ones; a declared name may not shadow a standard one. */
    public AttributeSchema withDeclared(List<Attribute> declared) {
        List<Attribute> all = new ArrayList<>(attributes.values());
        for (Attribute a : declared) {
            if (attributes.containsKey(a.name())) {
                throw new IllegalArgumentException("attribute already exists: " + a.name());
            }
            all.add(a);
        }
        return new AttributeSchema(all);
    }

    public Optional<Attribute> find(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public Collection<Attribute> all() {
        return attributes.values();
    }

    public String label(String name) {
        return find(name).map(Attribute::label).orElse(name);
    }
}
