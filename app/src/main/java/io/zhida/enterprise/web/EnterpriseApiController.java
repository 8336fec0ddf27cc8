package io.zhida.enterprise.web;

import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.enterprise.ProfileUpdates;
import io.zhida.enterprise.imports.EnterpriseImports;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Enterprise profiles over HTTP: read within the caller's data scope; create or update one profile
 * from a JSON object in the data standard's names, and bulk imports (administrators).
 */
@RestController
class EnterpriseApiController {

    static final String API_SOURCE = "接口报送";

    private final EnterpriseProfiles profiles;
    private final ProfileUpdates updates;
    private final EnterpriseImports imports;
    private final Clock clock;

    EnterpriseApiController(EnterpriseProfiles profiles, ProfileUpdates updates, EnterpriseImports imports, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.updates = updates;
        this.imports = imports;
    }

    @AccessRule(audience = Audience.SIGNED_IN, scope = DataScope.OWN_COUNTY)
    @GetMapping("/api/v1/enterprises/{uscc}")
    EnterpriseProfile get(@PathVariable String uscc, @AuthenticationPrincipal ZhidaUser user) {
        return profiles.get(uscc, user);
    }

    @AccessRule(audience = Audience.STAFF, scope = DataScope.OWN_COUNTY)
    @GetMapping("/api/v1/enterprises")
    EnterpriseProfiles.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                   @AuthenticationPrincipal ZhidaUser user) {
        return profiles.search(q, region, Math.max(0, page), Math.min(Math.max(1, size), 200), user);
    }

    /** 201 when the profile is new, 200 when it existed (changed or not); the body is the profile as stored. */
    @AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
    @PostMapping("/api/v1/enterprises")
    ResponseEntity<EnterpriseProfile> upsert(@RequestBody Map<String, Object> fields,
                                             @RequestParam(defaultValue = API_SOURCE) String source,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                             @AuthenticationPrincipal ZhidaUser user) {
        if (source.isBlank() || source.length() > 100) {
            throw new InvalidInputException("source", "数据来源系统须为 1–100 个字符");
        }
        ProfileUpdates.Result result = updates.upsert(fields, source.trim(),
                asOf == null ? LocalDate.now(clock) : asOf, user);
        String uscc = fields.get("uscc").toString().trim().toUpperCase();
        EnterpriseProfile stored = profiles.get(uscc, user);
        return result.created() > 0 ? ResponseEntity.created(URI.create("/api/v1/enterprises/" + uscc)).body(stored)
                : ResponseEntity.ok(stored);
    }

    /** Starts an import; 202 with its id, then poll the status. */
    @AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
    @PostMapping("/api/v1/enterprises/imports")
    ResponseEntity<Map<String, Object>> startImport(@RequestParam MultipartFile file, @RequestParam String source,
                                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                    @AuthenticationPrincipal ZhidaUser user) throws IOException {
        long id = imports.start(file.getOriginalFilename(), received(file), source, asOf, user);
        return ResponseEntity.accepted().location(URI.create("/api/v1/enterprises/imports/" + id)).body(Map.of("id", id));
    }

    @AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
    @GetMapping("/api/v1/enterprises/imports/{id}")
    Map<String, Object> importStatus(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.ADMINISTRATION.require(user);
        EnterpriseImports.Status status = imports.status(id);
        List<EnterpriseImports.ErrorRow> errors = status.running() ? List.of() : imports.errors(id);
        return Map.of("status", status, "errors", errors);
    }

    /** Keeps the upload as a temp file the import owns; the file name is checked first so nothing is kept for a wrong type. */
    static Path received(MultipartFile file) throws IOException {
        EnterpriseImports.formatOf(file.getOriginalFilename());
        Path copy = Files.createTempFile("zhida-import-", ".upload");
        file.transferTo(copy);
        return copy;
    }
}
