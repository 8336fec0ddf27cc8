package io.zhida.platform.web;

import io.zhida.platform.InvalidInputException.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Says in Chinese what is wrong with a request, for the API (problem+json) and the pages (the 400 page)
 * alike: the field by its name as sent, and what was expected.
 */
final class Problems {

    private Problems() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "输入有误";
            case 401 -> "未认证";
            case 403 -> "禁止访问";
            case 404 -> "未找到";
            case 405 -> "请求方法不被支持";
            case 406 -> "无法提供所要求的格式";
            case 409 -> "冲突";
            case 413 -> "请求内容过大";
            case 415 -> "不支持的请求内容类型";
            case 429 -> "请求过多";
            case 500 -> "服务器内部错误";
            case 503 -> "服务暂不可用";
            default -> "请求未能完成";
        };
    }

    /** For a bare status (no exception at hand): what to tell the client. */
    static String detail(int status, HttpServletRequest request, String allow, String accept) {
        String call = request.getMethod() + " " + request.getRequestURI();
        return switch (status) {
            case 400 -> "请求有误，请检查参数与请求体";
            case 404 -> "接口不存在：" + call;
            case 405 -> "接口 " + request.getRequestURI() + " 不支持 " + request.getMethod() + " 方法"
                    + (allow == null || allow.isBlank() ? "" : "（支持：" + allow + "）");
            case 406 -> "无法按请求的 Accept 提供内容，本接口返回 application/json";
            case 413 -> "请求内容超过了允许的大小";
            case 415 -> "接口不支持内容类型 " + (request.getContentType() == null ? "（未声明）" : request.getContentType())
                    + (accept == null || accept.isBlank() ? "" : "（支持：" + accept + "）");
            case 500 -> "服务器处理请求时出错，请稍后重试；如问题持续，请联系系统管理员";
            default -> title(status);
        };
    }

    /** The field errors an input exception carries, or empty when it names no field. */
    static List<FieldError> fieldErrors(Exception e) {
        List<FieldError> errors = new ArrayList<>();
        if (e instanceof MethodArgumentTypeMismatchException m) {
            errors.add(new FieldError(m.getName(), "“" + shown(m.getValue()) + "”格式不正确，应为" + expected(m.getRequiredType())));
        } else if (e instanceof TypeMismatchException t) {
            errors.add(new FieldError(t.getPropertyName() == null ? "-" : t.getPropertyName(),
                    "“" + shown(t.getValue()) + "”格式不正确，应为" + expected(t.getRequiredType())));
        } else if (e instanceof MissingServletRequestParameterException m) {
            errors.add(new FieldError(m.getParameterName(), "缺少参数 " + m.getParameterName()));
        } else if (e instanceof MissingServletRequestPartException m) {
            errors.add(new FieldError(m.getRequestPartName(), "缺少上传文件 " + m.getRequestPartName()));
        } else if (e instanceof BindException b) {
            b.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.isBindingFailure()
                    ? "“" + shown(f.getRejectedValue()) + "”格式不正确" : f.getDefaultMessage() == null ? "无效" : f.getDefaultMessage())));
        } else if (e instanceof HandlerMethodValidationException h) {
            h.getParameterValidationResults().forEach(r -> {
                MethodParameter p = r.getMethodParameter();
                String name = p.getParameterName() == null ? "-" : p.getParameterName();
                r.getResolvableErrors().forEach(err -> errors.add(new FieldError(name,
                        err.getDefaultMessage() == null ? "无效" : err.getDefaultMessage())));
            });
        } else if (e instanceof MaxUploadSizeExceededException) {
            errors.add(new FieldError("file", "上传的文件过大"));
        } else if (e instanceof HttpMessageNotReadableException n) {
            errors.add(unreadable(n));
        }
        return errors;
    }

    /** A JSON body that does not read: which field (as a path like enterprise.name or items[2]) and why. */
    private static FieldError unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException j)) {
            return new FieldError("-", "请求体无法解析，请检查 JSON 格式与字段类型");
        }
        if (j instanceof StreamReadException && j.getPath().isEmpty()) {
            return new FieldError("-", "请求体不是有效的 JSON：" + j.getOriginalMessage());
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String field = path.isEmpty() ? "-" : path.toString();
        String message = StrictJson.CONTROL_CHARACTERS.equals(j.getOriginalMessage()) || String.valueOf(j.getOriginalMessage()).contains(StrictJson.CONTROL_CHARACTERS)
                ? "含有不可见的控制字符（如 NUL），已拒绝" : "值的格式或类型不正确";
        return new FieldError(field, message);
    }

    static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status.value()));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return problem;
    }

    static String summary(List<FieldError> errors) {
        return errors.isEmpty() ? "输入有误" : errors.get(0).field() + ": " + errors.get(0).message();
    }

    private static String shown(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "正确的格式";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "整数";
        }
        if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
            return "数字（不能用科学计数法）";
        }
        if (type == java.time.LocalDate.class) {
            return "日期 YYYY-MM-DD（且该日存在）";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true 或 false";
        }
        if (type.isEnum()) {
            return "以下之一：" + String.join("、", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        return "正确的格式";
    }
}
