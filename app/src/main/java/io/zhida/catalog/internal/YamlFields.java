package io.zhida.catalog.internal;

import io.zhida.catalog.ItemContent;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Inputs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads typed fields of one entry of a library file, collecting a problem (with its line) for each wrong one. */
final class YamlFields {
    private final Map<?, ?> map;
    private final String item;
    private final Map<String, Integer> lines;
    private final List<LibraryYaml.Problem> problems;

    YamlFields(Object entry, String item, Map<String, Integer> lines, List<LibraryYaml.Problem> problems) {
        this.map = entry instanceof Map<?, ?> m ? m : Map.of();
        this.item = item;
        this.lines = lines;
        this.problems = problems;
        if (!(entry instanceof Map)) {
            problem("", "条目应为键值对");
        }
    }

    void problem(String field, String message) {
        problems.add(new LibraryYaml.Problem(item, field, lines.getOrDefault(field, lines.getOrDefault("", 1)), message));
    }

    String text(String field, boolean required) {
        Object v = map.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                problem(field, "必填字段 " + field + " 缺失");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(field, field + " 应为文本");
            return null;
        }
        return v.toString().strip();
    }

    List<String> list(String field) {
        Object v = map.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> x == null || x instanceof Map || x instanceof List)) {
            problem(field, field + " 应为文本列表");
            return List.of();
        }
        return l.stream().map(Object::toString).toList();
    }

    LocalDate date(String field) {
        Object v = map.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Inputs.optionalDate(v.toString(), field, field);
        } catch (InvalidInputException e) {
            problem(field, e.errors().get(0).message());
            return null;
        }
    }

    BigDecimal money(String field) {
        Object v = map.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List || v instanceof Boolean) {
            problem(field, field + " 应为金额（元）");
            return null;
        }
        try {
            return Inputs.optionalMoney(v.toString(), field, field);
        } catch (InvalidInputException e) {
            problem(field, e.errors().get(0).message());
            return null;
        }
    }

    Integer integer(String field) {
        Object v = map.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        problem(field, field + " 应为整数");
        return null;
    }

    List<ItemContent.Material> materials() {
        Object v = map.get("materials");
        List<ItemContent.Material> materials = new ArrayList<>();
        if (v == null) {
            return materials;
        }
        if (!(v instanceof List<?> l)) {
            problem("materials", "materials 应为列表");
            return materials;
        }
        for (Object o : l) {
            if (o instanceof String s) {
                materials.add(new ItemContent.Material(s, false, null));
            } else if (o instanceof Map<?, ?> m && m.get("name") != null) {
                materials.add(new ItemContent.Material(m.get("name").toString(), Boolean.TRUE.equals(m.get("shared")),
                        m.get("note") == null ? null : m.get("note").toString()));
            } else {
                problem("materials", "每项材料应有 name，可选 shared: true/false");
            }
        }
        return materials;
    }

    List<ItemContent.Faq> faq() {
        Object v = map.get("faq");
        List<ItemContent.Faq> faq = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("q") != null && m.get("a") != null) {
                    faq.add(new ItemContent.Faq(m.get("q").toString(), m.get("a").toString()));
                } else {
                    problem("faq", "每条问答应有 q 与 a");
                }
            }
        } else if (v != null) {
            problem("faq", "faq 应为列表");
        }
        return faq;
    }
}
