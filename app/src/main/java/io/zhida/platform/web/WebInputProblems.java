package io.zhida.platform.web;

import io.zhida.platform.InvalidInputException;
import io.zhida.platform.InvalidInputException.FieldError;
import io.zhida.platform.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * On the pages, a request whose input cannot be read — a number that is no number, an impossible date,
 * a missing field — or that a service refused without the controller catching it, gets the 400 page
 * naming each field and what was expected, never a 500. (The API answers the same in problem+json.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebInputProblems {

    private final ObjectProvider<PageModel> layout;

    WebInputProblems(ObjectProvider<PageModel> layout) {
        this.layout = layout;
    }

    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            BindException.class, HandlerMethodValidationException.class, MaxUploadSizeExceededException.class, InvalidInputException.class})
    ModelAndView inputProblem(Exception e, HttpServletRequest request) throws Exception {
        if (Problems.isApi(request)) {
            throw e; // not ours: the API's handler and filter answer in problem+json
        }
        List<FieldError> errors = e instanceof InvalidInputException invalid ? invalid.errors() : Problems.fieldErrors(e);
        HttpStatus status = e instanceof MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ModelAndView page = new ModelAndView("error/400", status);
        page.addObject("status", status.value());
        page.addObject("problems", errors.isEmpty() ? List.of(new FieldError("-", "输入有误")) : errors);
        layout.orderedStream().forEach(m -> m.addTo(page.getModel())); // the navbar as on every page: still signed in
        return page;
    }
}
