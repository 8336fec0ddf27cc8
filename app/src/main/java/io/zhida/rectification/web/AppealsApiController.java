package io.zhida.rectification.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.DataScope;
import io.zhida.identity.Scope;
import io.zhida.identity.SystemClient;
import io.zhida.rectification.Appeal;
import io.zhida.rectification.Appeals;
import io.zhida.platform.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appeals other systems hand over — the 12345 hotline's enterprise demands — under their own reference number, and
 * their progress and answer (also pushed as the {@code appeal.answered} webhook). Scope appeals:write.
 */
@AccessRule(audience = Audience.SYSTEMS, scope = DataScope.OWN_ACCOUNT, scopes = Scope.APPEALS_WRITE)
@RestController
@RequestMapping("/api/v1/appeals")
class AppealsApiController {

    record HandOver(String reference, String uscc, String kind, String itemCode, String departmentCode, String content) {
    }

    record Status(String number, String reference, String uscc, String enterpriseName, String kind, String status, String statusLabel,
                  String departmentCode, Instant dueAt, String answer, Instant answeredAt, Instant submittedAt) {
        static Status of(Appeal a, String reference) {
            return new Status(a.number(), reference, a.uscc(), a.enterpriseName(), a.kind().name(), a.status().name(), a.status().label(),
                    a.departmentCode(), a.dueAt(), a.answer(), a.answeredAt(), a.submittedAt());
        }
    }

    private final Appeals appeals;

    AppealsApiController(Appeals appeals) {
        this.appeals = appeals;
    }

    /** 201 for a new appeal; 200 with the one already held when the reference was sent before. */
    @PostMapping
    ResponseEntity<Status> handOver(@RequestBody HandOver form) {
        Appeal.Kind kind;
        try {
            kind = form.kind() == null ? null : Appeal.Kind.valueOf(form.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind 应为 COMPLAINT（投诉）或 REQUEST（诉求）");
        }
        Appeals.Handed handed = appeals.handOver(client(), form.reference(), form.uscc(), kind, form.itemCode(), form.departmentCode(),
                form.content());
        Status body = Status.of(handed.appeal(), form.reference().strip());
        return handed.created() ? ResponseEntity.created(URI.create("/api/v1/appeals/" + body.reference())).body(body) : ResponseEntity.ok(body);
    }

    @GetMapping("/{reference}")
    Status status(@PathVariable String reference) {
        return Status.of(appeals.handedOver(client(), reference), reference);
    }

    private static SystemClient client() {
        return CurrentUser.client().orElseThrow(() -> new AccessDeniedException("appeals are handed over by systems"));
    }
}
