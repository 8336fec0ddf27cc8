package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.Scope;
import io.zhida.identity.SystemClients;
import io.zhida.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 对接系统: the administrator's page to register other systems, see them and stop them. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/admin/clients")
class AdminClientsController {

    private final SystemClients clients;

    AdminClientsController(SystemClients clients) {
        this.clients = clients;
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", List.of(), Map.of());
    }

    /** Registered, then redirected: a reload does not register the system again; the secret is on the next page only. */
    @PostMapping
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes, Model model,
                    RedirectAttributes flash) {
        try {
            SystemClients.Credentials created = clients.register(name, scopes == null ? List.of() : scopes, CurrentUser.actor());
            flash.addFlashAttribute("created", created);
            return "redirect:/admin/clients";
        } catch (InvalidInputException e) {
            return page(model, name == null ? "" : name, scopes == null ? List.of() : scopes, AdminUsersController.errors(e));
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes flash) {
        clients.disable(id, CurrentUser.actor());
        flash.addFlashAttribute("message", "已停用，其令牌即时失效");
        return "redirect:/admin/clients";
    }

    private String page(Model model, String name, List<String> scopes, Map<String, String> errors) {
        model.addAttribute("clients", clients.all());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("name", name);
        model.addAttribute("chosen", scopes);
        model.addAttribute("errors", errors);
        return "admin/clients";
    }
}
