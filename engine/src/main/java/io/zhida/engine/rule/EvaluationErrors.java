package io.zhida.engine.rule;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import java.util.Map;
import java.util.Set;

/**
 * Tells the two kinds of CEL evaluation error apart: an attribute the enterprise does not have
 * (unknown: the enterprise can add the data) and a failure of the rule itself (division by zero,
 * an invalid pattern, an overflow: the author must fix the rule), and words the latter in Chinese.
 */
public final class EvaluationErrors {

    private EvaluationErrors() {
    }

    /** Whether the error only means that one of the attributes read is absent from the values. */
    public static boolean isMissingData(CelEvaluationException e, Set<String> attributesRead, Map<String, ?> values) {
        return e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND
                && attributesRead.stream().anyMatch(a -> !values.containsKey(a));
    }

    /** The reason in words, e.g. "除数为零". */
    public static String reason(CelEvaluationException e) {
        return switch (e.getErrorCode()) {
            case DIVIDE_BY_ZERO -> "除数为零";
            case NUMERIC_OVERFLOW -> "数值超出范围（溢出）";
            case INDEX_OUT_OF_BOUNDS -> "列表下标越界";
            case INVALID_ARGUMENT -> e.getMessage() != null && e.getMessage().contains("regexp")
                    ? "正则表达式无效" : "函数参数无效";
            case BAD_FORMAT -> "格式错误";
            case ITERATION_BUDGET_EXCEEDED -> "循环次数超出上限";
            case ATTRIBUTE_NOT_FOUND -> "取值不存在";
            default -> "规则计算出错";
        };
    }
}
