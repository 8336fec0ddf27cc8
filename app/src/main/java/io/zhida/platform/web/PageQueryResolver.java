package io.zhida.platform.web;

import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A handler argument of type {@link PageQuery} is read from the {@code page} and {@code size} parameters,
 * strictly: a bad one is an {@link InvalidInputException}, answered as the 400 page or as problem+json under /api.
 */
class PageQueryResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return PageQuery.parse(single(request, "page", "页码"), single(request, "size", "每页条数"));
    }

    /** page=1&page=2 asks two things at once: refused rather than guessed. */
    private static String single(NativeWebRequest request, String name, String label) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidInputException(name, label + "只能给一个");
        }
        return values[0];
    }
}
