package io.zhida.engine.rule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CEL's English diagnostics, said in Chinese for policy authors. */
final class ErrorMessages {

    private static final Pattern UNDEFINED_FIELD = Pattern.compile("undefined field '([^']*)'");
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
    private static final Pattern NO_OVERLOAD = Pattern.compile("found no matching overload for '([^']*)' applied to '\\(([^)]*)\\)'.*", Pattern.DOTALL);

    private ErrorMessages() {
    }

    static String translate(String message) {
        Matcher m = UNDEFINED_FIELD.matcher(message);
        if (m.find()) {
            return "企业属性“" + m.group(1) + "”不存在：请使用数据标准中的属性名，或先由管理员声明该属性";
        }
        m = UNDECLARED.matcher(message);
        if (m.matches()) {
            return "未定义的名称“" + m.group(1) + "”：企业属性请写作 e.属性名，评估日期写作 today";
        }
        m = NO_OVERLOAD.matcher(message);
        if (m.matches()) {
            String types = m.group(2);
            String hint = types.contains("double") && types.contains("int")
                    ? "整数与小数混合运算时，请把整数写成小数（如 2 写作 2.0）"
                    : "请检查两侧的类型，例如数值不要加引号";
            return "运算“" + operator(m.group(1)) + "”不能用于类型（" + types(types) + "）：" + hint;
        }
        if (message.contains("mismatched input") || message.contains("extraneous input") || message.contains("Syntax error")
                || message.contains("no viable alternative") || message.contains("token recognition error")) {
            return "语法错误：" + message;
        }
        return "表达式错误：" + message;
    }

    private static String operator(String op) {
        return op.replace("_", "").isEmpty() ? op : op.replaceAll("^_|_$", "").replace("_", "");
    }

    private static String types(String types) {
        return types.replace("string", "文本").replace("double", "数值").replace("int", "整数")
                .replace("bool", "是/否").replace("list", "列表");
    }
}
