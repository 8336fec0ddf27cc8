package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.SystemClients;
import io.zhida.platform.NotFoundException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators register the other systems that call the API, and stop them. The secret is in the answer once only. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@RestController
@RequestMapping("/api/v1/admin/clients")
class AdminClientsApiController {

    record ClientForm(String name, List<String> scopes) {
    }

    private final SystemClients clients;

    AdminClientsApiController(SystemClients clients) {
        this.clients = clients;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@RequestBody ClientForm form) {
        SystemClients.Credentials created = clients.register(form.name(), form.scopes(), CurrentUser.actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.client().id());
        body.put("clientId", created.client().clientId());
        body.put("clientSecret", created.secret());
        body.put("name", created.client().name());
        body.put("scope", created.client().scopeList());
        body.put("tokenEndpoint", "/api/v1/oauth2/token");
        return ResponseEntity.created(URI.create("/api/v1/admin/clients/" + created.client().id())).body(body);
    }

    @GetMapping
    List<SystemClients.Registration> all() {
        return clients.all();
    }

    @GetMapping("/{id}")
    SystemClients.Registration one(@PathVariable long id) {
        return clients.find(id).orElseThrow(() -> new NotFoundException("对接系统不存在"));
    }

    @PostMapping("/{id}/disable")
    ResponseEntity<Void> disable(@PathVariable long id) {
        clients.disable(id, CurrentUser.actor());
        return ResponseEntity.noContent().build();
    }
}
