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

    /** {@code POST /api/v1/applications/{number}/withdraw}'s body. */
    record Withdrawal(String reason) {
    }

    private final Applications applications;
    private final io.zhida.applications.Withdrawals withdrawals;

    ApplicationsApiController(Applications applications, io.zhida.applications.Withdrawals withdrawals) {
        this.applications = applications;
        this.withdrawals = withdrawals;
    }

    /** Withdraws, before it is decided, an application of an enterprise that authorized this system (scope applications:write). */
    @AccessRule(audience = Audience.SYSTEMS, scope = DataScope.OWN_ENTERPRISE, scopes = Scope.APPLICATIONS_WRITE)
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/applications/{number}/withdraw")
    Progress withdraw(@PathVariable String number, @org.springframework.web.bind.annotation.RequestBody(required = false) Withdrawal body) {
        io.zhida.identity.SystemClient client = io.zhida.identity.CurrentUser.client()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("systems withdraw here"));
        checkNumber(number);
        return progress(withdrawals.withdrawOnBehalf(client, number, body == null ? null : body.reason()));
    }

    /**
     * Submits for an enterprise that authorized this system (scope applications:write): the item, the enterprise's signed
     * 承诺书 where the item asks for one ({@code commitment=true}), and the files of the item's materials in their order
     * ({@code material-0}, {@code material-1} …), as multipart/form-data.
     */
    @AccessRule(audience = Audience.SYSTEMS, scope = DataScope.OWN_ENTERPRISE, scopes = Scope.APPLICATIONS_WRITE)
    @org.springframework.web.bind.annotation.PostMapping(path = "/api/v1/applications", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    org.springframework.http.ResponseEntity<Progress> submit(@org.springframework.web.bind.annotation.RequestParam(required = false) String uscc,
                                                             @org.springframework.web.bind.annotation.RequestParam(required = false) String item,
                                                             @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean commitment,
                                                             org.springframework.web.multipart.MultipartHttpServletRequest request) throws java.io.IOException {
        if (item == null || !item.strip().matches("[A-Za-z0-9\\-_]{1,40}")) {
            throw new InvalidInputException("item", "事项编码应为 1–40 个字母、数字或 -_");
        }
        io.zhida.identity.SystemClient client = io.zhida.identity.CurrentUser.client()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("systems submit here"));
        java.util.List<io.zhida.applications.Upload> uploads = new java.util.ArrayList<>();
        java.util.List<String> materials = applications.materialsToUpload(item.strip());
        for (int i = 0; i < materials.size(); i++) {
            org.springframework.web.multipart.MultipartFile file = request.getFile("material-" + i);
            if (file != null && !file.isEmpty()) {
                uploads.add(new io.zhida.applications.Upload(materials.get(i), file.getOriginalFilename(), file.getBytes()));
            }
        }
        long id = applications.submitOnBehalf(client, uscc, item.strip(), commitment, uploads);
        Progress created = progress(applications.byNumber(applications.numberOf(id)));
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/v1/applications/" + created.number())).body(created);
    }

    @GetMapping("/api/v1/applications/{number}")
    Progress progress(@PathVariable String number) {
        checkNumber(number);
        return progress(applications.byNumber(number));
    }

    private static void checkNumber(String number) {
        if (!number.matches("[A-Z]{2}\\d{8}-\\d{6,12}")) {
            throw new InvalidInputException("number", "申报编号应形如 SQ20261129-000123");
        }
    }

    private Progress progress(Application a) {
        return new Progress(a.number(), a.uscc(), a.enterpriseName(), a.itemCode(), a.itemName(), a.period(), a.status().name(),
                a.status().label(), a.estimate(), a.approvedAmount(), a.submittedAt(),
                applications.timeline(a.id()).stream().map(e -> new Step(e.at(), e.step(), e.title(), e.note())).toList());
    }
}
