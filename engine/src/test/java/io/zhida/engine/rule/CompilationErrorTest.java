package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompilationErrorTest {

    private static final RuleCompiler RULES = new RuleCompiler(AttributeSchema.standard());

    private static RuleError onlyError(String condition) {
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class, () -> RULES.condition(condition));
        assertThat(e).as("expected a compilation error for %s", condition).isNotNull();
        return e.errors().get(0);
    }

    @Test
    void aMisspeltAttributeIsReportedWhereItStands() {
        RuleError error = onlyError("e.revenue > 1 &&\n  e.revenu > 5");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(4);
        assertThat(error.message()).contains("revenu").contains("不存在");
    }

    @Test
    void comparingANumberWithTextIsATypeError() {
        RuleError error = onlyError("e.revenue > \"5000000\"");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(11);
        assertThat(error.message()).contains("不能用于类型").contains("数值").contains("文本");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        RuleError error = onlyError("e.revenue >\n  (1 +");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).startsWith("语法错误");
    }

    @Test
    void aConditionMustBeBooleanAndAFormulaANumber() {
        assertThat(onlyError("e.revenue * 2.0").message()).contains("布尔");
        assertThat(onlyError("e.revenue * 2 > 1.0").message()).contains("2.0");
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class, () -> RULES.formula("e.name"));
        assertThat(e.errors().get(0).message()).contains("数值");
        assertThat(onlyError("   ").message()).contains("不能为空");
        assertThat(onlyError("x > 1").message()).contains("未定义的名称“x”");
    }

    @Test
    void administratorDeclaredAttributesJoinTheSchema() {
        RuleCompiler extended = new RuleCompiler(AttributeSchema.standard().withDeclared(
                List.of(new Attribute("patents", AttributeType.INT, "有效发明专利数", "件", false))));
        assertThat(extended.condition("e.patents >= 5").attributes()).containsExactly("patents");
        assertThat(onlyError("e.patents >= 5").message()).contains("patents");
    }
}
