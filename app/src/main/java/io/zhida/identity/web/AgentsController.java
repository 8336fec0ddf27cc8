package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.EnterpriseAgents;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 经办人授权: an enterprise's people see who acts for it; its 法定代表人 authorizes 经办人 and withdraws them. */
@AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
@Controller
@RequestMapping("/my/agents")
class AgentsController {

    private final EnterpriseAgents agents;
    private final io.zhida.identity.SystemClients clients;

    AgentsController(EnterpriseAgents agents, io.zhida.identity.SystemClients clients) {
        this.agents = agents;
        this.clients = clients;
    }

    @GetMapping
    String list(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("agents", agents.of(user.enterpriseUscc()));
        model.addAttribute("legalRep", agents.isLegalRepresentative(user));
        var granted = agents.systems(user.enterpriseUscc());
        var grantedIds = granted.stream().map(EnterpriseAgents.SystemGrant::client).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("systems", granted);
        model.addAttribute("systemsThatApply", agents.systemsThatApply(clients).stream().filter(c -> !grantedIds.contains(c.id())).toList());
        return "identity/agents";
    }

    @PostMapping
    String authorize(@RequestParam(required = false) String personName, @RequestParam(required = false) String idNumber,
                     @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            EnterpriseAgents.Agent agent = agents.authorize(user, personName, idNumber);
            flash.addFlashAttribute("message", "已授权 " + agent.personName() + " 为经办人：其以个人账号通过统一身份认证登录后即可代企业办理");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/my/agents";
    }

    @PostMapping("/systems")
    String authorizeSystem(@RequestParam long client, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            agents.authorizeSystem(user, client, clients);
            flash.addFlashAttribute("message", "已授权该系统代本企业申报；每一份申报都会注明由其代为提交");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/my/agents";
    }

    @PostMapping("/systems/{id}/withdraw")
    String withdrawSystem(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        agents.withdrawSystem(user, id);
        flash.addFlashAttribute("message", "已撤销该系统代为申报的授权");
        return "redirect:/my/agents";
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        agents.withdraw(user, id);
        flash.addFlashAttribute("message", "已撤销授权，该经办人的账号即时停用");
        return "redirect:/my/agents";
    }
}
