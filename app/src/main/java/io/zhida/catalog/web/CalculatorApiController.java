package io.zhida.catalog.web;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.internal.CalculatorRateLimit;
import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.InvalidAttributeException;
import io.zhida.engine.rule.Outcome;
import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.platform.ClientAddress;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/calculator: public, rate-limited. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@RestController
class CalculatorApiController {

    record CalculatorRequest(String condition, String formula, BigDecimal cap, String item, Map<String, Object> enterprise,
                             String today) {
    }

    /** error: why the clause failed when its result is ERROR (e.g. 除数为零). */
    record Clause(String text, Outcome result, String error) {
    }

    /** error: why the rule failed when the result is ERROR — a defect of the rule, not data to add. */
    record CalculatorResponse(Outcome result, BigDecimal amount, List<String> missing, List<Clause> clauses,
                              Map<String, Object> derived, String error) {
        static CalculatorResponse of(Calculator.Result r) {
            return new CalculatorResponse(r.result(), r.amount(), r.missing().stream().sorted().toList(),
                    r.clauses().stream().map(c -> new Clause(c.text(), c.result(), c.error())).toList(), r.derived(), r.error());
        }
    }

    private final PolicyCalculator calculator;
    private final CalculatorRateLimit rateLimit;

    CalculatorApiController(PolicyCalculator calculator, CalculatorRateLimit rateLimit) {
        this.calculator = calculator;
        this.rateLimit = rateLimit;
    }

    @PostMapping("/api/v1/calculator")
    ResponseEntity<?> calculate(@RequestBody CalculatorRequest request, HttpServletRequest http,
                                @org.springframework.security.core.annotation.AuthenticationPrincipal io.zhida.identity.ZhidaUser user) {
        rateLimit.acquire(user, ClientAddress.of(http));
        Map<String, Object> enterprise = request.enterprise() == null ? Map.of() : request.enterprise();
        var today = PolicyCalculator.parseToday(request.today());
        if (request.item() != null && !request.item().isBlank()) {
            return ResponseEntity.ok(CalculatorResponse.of(calculator.calculate(request.item(), enterprise, today)));
        }
        if (request.condition() == null || request.condition().isBlank()) {
            throw new InvalidInputException("condition", "请提供 condition（CEL 条件）或 item（事项编码）");
        }
        io.zhida.platform.Inputs.money(request.cap(), "cap", "上限");
        return ResponseEntity.ok(CalculatorResponse.of(
                calculator.calculate(request.condition(), request.formula(), request.cap(), enterprise, today)));
    }

    @ExceptionHandler(RuleCompilationException.class)
    ResponseEntity<ProblemDetail> invalidExpression(RuleCompilationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "表达式有误：" + e.getMessage());
        problem.setTitle("表达式有误");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidAttributeException.class)
    ResponseEntity<ProblemDetail> invalidAttribute(InvalidAttributeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("企业数据有误");
        problem.setProperty("errors", List.of(Map.of("field", "enterprise." + e.attribute(), "message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }
}
