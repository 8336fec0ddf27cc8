package io.zhida.catalog.web;

import io.zhida.catalog.ImportRejectedException;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.TextFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/policy-items/import (application/yaml) and GET /api/v1/policy-items/export, for policy authors. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@RestController
class PolicyExchangeApiController {

    private final PolicyLibraryExchange exchange;

    PolicyExchangeApiController(PolicyLibraryExchange exchange) {
        this.exchange = exchange;
    }

    @PostMapping(value = "/api/v1/policy-items/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    PolicyLibraryExchange.ImportReport importYaml(@RequestBody byte[] yaml, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        return exchange.importYaml(TextFiles.decode(yaml, "body"), false);
    }

    @GetMapping(value = "/api/v1/policy-items/export", produces = "application/yaml")
    String export(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        return exchange.exportYaml();
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "政策事项文件有 " + e.problems().size() + " 处错误，已整体拒绝，未写入任何内容");
        problem.setTitle("导入被拒绝");
        problem.setProperty("errors", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }
}
