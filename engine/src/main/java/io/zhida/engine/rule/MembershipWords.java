package io.zhida.engine.rule;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Says membership clauses: a value among listed values ("企业规模为小型、微型之一"), a list attribute holding a value
 * ("资质包含“高新技术企业”"), a code under a prefix or pattern ("所属行业属于制造业"). Codes are said by their
 * names where they have one. Throws {@link Unsayable} for shapes it does not cover.
 */
final class MembershipWords {

    private final AttributeSchema schema;
    private final CodeNames names;

    MembershipWords(AttributeSchema schema, CodeNames names) {
        this.schema = schema;
        this.names = names;
    }

    /** element in collection: a constant in a list attribute, or a scalar attribute in a list of constants. */
    String in(CelExpr element, CelExpr collection, boolean yes) {
        Optional<String> listAttribute = ClauseWords.attribute(collection);
        if (listAttribute.isPresent() && element.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
            Attribute a = schema.find(listAttribute.get()).orElseThrow(Unsayable::new);
            return a.label() + (yes ? "包含“" : "不包含“") + named(a, ClauseWords.text(element.constant())) + "”";
        }
        Optional<String> scalar = ClauseWords.attribute(element);
        if (scalar.isPresent() && collection.getKind() == CelExpr.ExprKind.Kind.LIST) {
            Attribute a = schema.find(scalar.get()).orElseThrow(Unsayable::new);
            List<String> values = new ArrayList<>();
            for (CelExpr v : collection.list().elements()) {
                if (v.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                    throw new Unsayable();
                }
                values.add(a.type() == AttributeType.INT || a.type() == AttributeType.DOUBLE
                        ? AmountWords.amount(a, ClauseWords.number(v).orElseThrow(Unsayable::new))
                        : named(a, ClauseWords.text(v.constant())));
            }
            if (values.size() == 1) {
                return a.label() + (yes ? "为" : "不为") + values.get(0);
            }
            return a.label() + (yes ? "为" : "不为") + String.join("、", values) + (yes ? "之一" : "中的任何一个");
        }
        throw new Unsayable();
    }

    String startsWith(CelExpr x, boolean yes) {
        Attribute a = target(x);
        CelExpr prefix = x.call().args().get(0);
        if (prefix.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            throw new Unsayable();
        }
        return belongs(a, List.of(ClauseWords.text(prefix.constant())), yes);
    }

    String matches(CelExpr x, boolean yes) {
        Attribute a = target(x);
        CelExpr pattern = x.call().args().get(0);
        if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            throw new Unsayable();
        }
        return belongs(a, RegexPrefixes.of(ClauseWords.text(pattern.constant())).orElseThrow(Unsayable::new), yes);
    }

    /** A code by its name where it has one ("519921" → "青山县"), else the code itself. */
    String named(Attribute a, String code) {
        return names.name(a.name(), code).orElse(code);
    }

    /** The attribute a method call is made on (e.industry.matches(…)). */
    private Attribute target(CelExpr x) {
        return x.call().target().flatMap(ClauseWords::attribute).flatMap(schema::find).orElseThrow(Unsayable::new);
    }

    /** Codes that start with one of the prefixes: named where the prefix is a code ("所属行业属于制造业"). */
    private String belongs(Attribute a, List<String> prefixes, boolean yes) {
        Set<String> named = new LinkedHashSet<>();
        for (String prefix : prefixes) {
            Optional<String> name = names.name(a.name(), prefix);
            if (name.isEmpty()) {
                return a.label() + (yes ? "以" : "不以") + String.join("、", prefixes.stream().map(p -> "“" + p + "”").toList()) + "开头";
            }
            named.add(name.get());
        }
        String list = String.join("、", named);
        return a.label() + (yes ? "属于" : "不属于") + list;
    }
}
