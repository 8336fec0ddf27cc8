package io.zhida.catalog.internal;

import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The policy library's YAML exchange format (documented field by field in docs/policy-yaml.md):
 * {@code documents:} and {@code items:} lists. Reading keeps every field's line so that an error
 * can say where it is.
 */
public final class LibraryYaml {

    /** One problem in a file: which item (code or #index), which field, which line. */
    public record Problem(String item, String field, int line, String message) {
    }

    public record Parsed(List<PolicyDocument> documents, List<Map<String, Integer>> documentLines, List<ItemContent> items,
                         List<Map<String, Integer>> itemLines,
                         List<Problem> problems) {
    }

    private LibraryYaml() {
    }

    public static Parsed parse(String text) {
        List<Problem> problems = new ArrayList<>();
        Node root;
        Object data;
        try {
            Yaml yaml = strictYaml();
            root = yaml.compose(new java.io.StringReader(text));
            data = yaml.load(text);
        } catch (MarkedYAMLException e) {
            problems.add(new Problem("", "", e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, "YAML 格式错误：" + e.getProblem()));
            return new Parsed(List.of(), List.of(), List.of(), List.of(), problems);
        } catch (YAMLException e) {
            problems.add(new Problem("", "", 1, "YAML 格式错误：" + e.getMessage()));
            return new Parsed(List.of(), List.of(), List.of(), List.of(), problems);
        }
        if (!(data instanceof Map<?, ?> top) || !(root instanceof MappingNode rootNode)) {
            problems.add(new Problem("", "", 1, "文件应包含 documents: 与 items: 两个列表"));
            return new Parsed(List.of(), List.of(), List.of(), List.of(), problems);
        }
        List<PolicyDocument> documents = new ArrayList<>();
        List<Map<String, Integer>> documentLines = lines(child(rootNode, "documents"));
        List<?> docList = top.get("documents") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < docList.size(); i++) {
            YamlFields f = new YamlFields(docList.get(i), "文件#" + (i + 1), documentLines.size() > i ? documentLines.get(i) : Map.of(), problems);
            documents.add(new PolicyDocument(null, f.text("number", true), f.text("title", true), f.text("level", true),
                    f.text("issuer", true), f.date("published"), f.date("valid_from"), f.date("valid_to"),
                    f.text("full_text", false), f.list("themes"), f.list("industries"), f.list("regions"), "EFFECTIVE"));
            if (!PolicyDocument.LEVELS.contains(documents.get(i).level())) {
                f.problem("level", "层级应为 国家、省、市 或 县");
            }
        }
        List<ItemContent> items = new ArrayList<>();
        List<Map<String, Integer>> itemLines = lines(child(rootNode, "items"));
        if (!(top.get("items") instanceof List<?> itemList)) {
            problems.add(new Problem("", "items", 1, "缺少 items: 列表"));
            return new Parsed(documents, documentLines, List.of(), List.of(), problems);
        }
        for (int i = 0; i < itemList.size(); i++) {
            Map<String, Integer> lines = itemLines.size() > i ? itemLines.get(i) : Map.of();
            Object code = itemList.get(i) instanceof Map<?, ?> m ? m.get("code") : null;
            YamlFields f = new YamlFields(itemList.get(i), code == null ? "#" + (i + 1) : code.toString(), lines, problems);
            String mode = f.text("mode", true);
            items.add(new ItemContent(f.text("code", true), f.text("name", true), f.text("document", false),
                    f.text("clause", false), f.list("departments"),
                    mode == null ? null : HandlingMode.parse(mode).orElseGet(() -> {
                        f.problem("mode", "办理方式应为 免申即享、即申即享、承诺即享 或 综合评审");
                        return null;
                    }),
                    f.text("target", false), f.text("conditions_text", false), f.text("condition", true), f.materials(),
                    f.text("benefit_type", true), f.text("amount", false), f.money("cap"), f.integer("time_limit_days"),
                    f.date("apply_from"), f.date("apply_to"), f.date("valid_from"), f.date("valid_to"), f.list("themes"),
                    f.list("industries"), f.list("regions"), f.text("contact", false), f.text("legal_basis", false),
                    f.text("interpretation", false), f.faq(), f.text("fund_source", false), f.money("annual_budget"),
                    f.text("exclusion_group", false), f.money("annual_cap_per_enterprise")));
        }
        return new Parsed(documents, documentLines, items, itemLines, problems);
    }

    /**
     * Dates and decimals stay the text that was written: SnakeYAML's own timestamps are lenient
     * (2026-02-30 becomes 2026-03-02) and its floats are doubles (money would be rounded), so both
     * are read here, strictly, by {@link YamlFields}.
     */
    private static Yaml strictYaml() {
        SafeConstructor constructor = new SafeConstructor(new LoaderOptions()) {
            {
                ConstructYamlStr text = new ConstructYamlStr();
                this.yamlConstructors.put(Tag.TIMESTAMP, text);
                this.yamlConstructors.put(Tag.FLOAT, text);
            }
        };
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
                addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
                addImplicitResolver(Tag.NULL, EMPTY, null, 10);
                addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(constructor, new Representer(dumper), dumper, new LoaderOptions(), resolver);
    }

    public static String write(List<PolicyDocument> documents, List<ItemContent> items) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("documents", documents.stream().map(LibraryYaml::documentMap).toList());
        top.put("items", items.stream().map(LibraryYaml::itemMap).toList());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(top);
    }

    private static Map<String, Object> documentMap(PolicyDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "number", d.number());
        put(m, "title", d.title());
        put(m, "level", d.level());
        put(m, "issuer", d.issuer());
        put(m, "published", d.publishedOn());
        put(m, "valid_from", d.validFrom());
        put(m, "valid_to", d.validTo());
        put(m, "themes", d.themes());
        put(m, "industries", d.industries());
        put(m, "regions", d.regions());
        put(m, "full_text", d.fullText());
        return m;
    }

    private static Map<String, Object> itemMap(ItemContent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", c.code());
        put(m, "name", c.name());
        put(m, "document", c.documentNumber());
        put(m, "clause", c.clause());
        put(m, "departments", c.departments());
        put(m, "mode", c.mode().label());
        put(m, "target", c.target());
        put(m, "conditions_text", c.conditionsText());
        put(m, "condition", c.condition());
        put(m, "materials", c.materials().stream().map(x -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", x.name());
            mm.put("shared", x.shared());
            put(mm, "note", x.note());
            return mm;
        }).toList());
        put(m, "benefit_type", c.benefitType());
        put(m, "amount", c.amountFormula());
        put(m, "cap", c.cap());
        put(m, "time_limit_days", c.timeLimitDays());
        put(m, "apply_from", c.applyFrom());
        put(m, "apply_to", c.applyTo());
        put(m, "valid_from", c.validFrom());
        put(m, "valid_to", c.validTo());
        put(m, "themes", c.themes());
        put(m, "industries", c.industries());
        put(m, "regions", c.regions());
        put(m, "contact", c.contact());
        put(m, "legal_basis", c.legalBasis());
        put(m, "interpretation", c.interpretation());
        put(m, "faq", c.faq().stream().map(q -> Map.of("q", q.question(), "a", q.answer())).toList());
        put(m, "fund_source", c.fundSource());
        put(m, "annual_budget", c.annualBudget());
        put(m, "exclusion_group", c.exclusionGroup());
        put(m, "annual_cap_per_enterprise", c.annualCap());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        m.put(key, value instanceof LocalDate || value instanceof BigDecimal ? value.toString() : value);
    }

    private static Node child(MappingNode node, String key) {
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** For a sequence of mappings: each entry's field → 1-based line (the entry itself under ""). */
    private static List<Map<String, Integer>> lines(Node sequence) {
        List<Map<String, Integer>> result = new ArrayList<>();
        if (sequence instanceof SequenceNode seq) {
            for (Node entry : seq.getValue()) {
                Map<String, Integer> lines = new LinkedHashMap<>();
                lines.put("", entry.getStartMark().getLine() + 1);
                if (entry instanceof MappingNode map) {
                    for (NodeTuple t : map.getValue()) {
                        if (t.getKeyNode() instanceof ScalarNode k) {
                            Node v = t.getValueNode();
                            // A block scalar (|) starts on the line after its key.
                            boolean block = v instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
                            lines.put(k.getValue(), v.getStartMark().getLine() + 1 + (block ? 1 : 0));
                        }
                    }
                }
                result.add(lines);
            }
        }
        return result;
    }
}
