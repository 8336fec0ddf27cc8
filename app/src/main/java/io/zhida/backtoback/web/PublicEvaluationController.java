package io.zhida.backtoback.web;

import io.zhida.backtoback.BackToBack;
import io.zhida.backtoback.UnitRatings;
import io.zhida.platform.QrCode;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Unit;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PublicFormLimit;
import io.zhida.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages opened without an account: a drawn evaluator's questionnaire, and the 码上评 rating of a unit. */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
@Controller
class PublicEvaluationController {

    private final BackToBack backToBack;
    private final UnitRatings ratings;
    private final String publicUrl;
    private final PublicFormLimit publicForms;

    PublicEvaluationController(BackToBack backToBack, UnitRatings ratings, @Value("${zhida.public-url:http://localhost:8080}") String publicUrl,
                               PublicFormLimit publicForms) {
        this.publicForms = publicForms;
        this.backToBack = backToBack;
        this.ratings = ratings;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/portal/b2b/{token}")
    String questionnaire(@PathVariable String token, Model model) {
        model.addAttribute("invitation", backToBack.invitation(token));
        model.addAttribute("targets", backToBack.targets());
        return "evaluation/b2b-answer";
    }

    @PostMapping("/portal/b2b/{token}")
    String answer(@PathVariable String token, @RequestParam Map<String, String> params, HttpServletRequest request,
                  RedirectAttributes flash) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null && v.matches("[1-5]")) {
                Unit.parse(k).ifPresent(unit -> scores.put(unit.key(), Integer.parseInt(v)));
            }
        });
        try {
            publicForms.acquire(request);
            backToBack.answer(token, scores);
            flash.addFlashAttribute("message", "提交成功，感谢您对营商环境的评价！");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        } catch (TooManyRequestsException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal/b2b/" + token;
    }

    @GetMapping("/portal/rate/{kind}/{code}")
    String ratingPage(@PathVariable String kind, @PathVariable String code, Model model) {
        model.addAttribute("unitName", ratings.unitName(kind, code));
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("aspects", UnitRatings.ASPECTS);
        return "evaluation/rate-unit";
    }

    @PostMapping("/portal/rate/{kind}/{code}")
    String rate(@PathVariable String kind, @PathVariable String code, @RequestParam(required = false) Integer stars,
                @RequestParam(required = false) List<String> aspects, @RequestParam(required = false) String comment,
                @RequestParam(required = false) String transaction, @AuthenticationPrincipal ZhidaUser user,
                HttpServletRequest request, RedirectAttributes flash) {
        try {
            publicForms.acquire(request);
            ratings.rate(kind, code, stars, aspects, comment, transaction, user);
            flash.addFlashAttribute("message", "评价已收到，感谢您的监督！");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        } catch (TooManyRequestsException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal/rate/" + kind + "/" + code;
    }

    @GetMapping("/portal/rate/{kind}/{code}/qr.svg")
    ResponseEntity<String> qr(@PathVariable String kind, @PathVariable String code) {
        ratings.unitName(kind, code);
        return ResponseEntity.ok().header("Content-Type", "image/svg+xml")
                .body(QrCode.svg(publicUrl + "/portal/rate/" + kind + "/" + code));
    }
}
