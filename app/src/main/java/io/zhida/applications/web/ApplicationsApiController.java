package io.zhida.applications.web;

import io.zhida.applications.Application;
import io.zhida.applications.Applications;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Scope;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An application's status and timeline for other systems (the provincial platform shows its progress). Scope applications:read. */
@AccessRule(audience = Audience.SYSTEMS, scope = DataScope.WHOLE_CITY, scopes = Scope.APPLICATIONS_READ)
@RestController
class ApplicationsApiController {

    record Progress(String number, String uscc, String enterpriseName, String itemCode, String itemName, String period, String status,
                    String statusLabel, BigDecimal estimate, BigDecimal approvedAmount, Instant submittedAt, List<Step> timeline) {
    }

    record Step(Instant at, String step, String title, String note) {
    }

    private final Applications applications;

    ApplicationsApiController(Applications applications) {
        this.applications = applications;
    }

    @GetMapping("/api/v1/applications/{number}")
    Progress progress(@PathVariable String number) {
        if (!number.matches("[A-Z]{2}\\d{8}-\\d{6,12}")) {
            throw new InvalidInputException("number", "申报编号应形如 SQ20261129-000123");
        }
        Application a = applications.byNumber(number);
        return new Progress(a.number(), a.uscc(), a.enterpriseName(), a.itemCode(), a.itemName(), a.period(), a.status().name(),
                a.status().label(), a.estimate(), a.approvedAmount(), a.submittedAt(),
                applications.timeline(a.id()).stream().map(e -> new Step(e.at(), e.step(), e.title(), e.note())).toList());
    }
}
