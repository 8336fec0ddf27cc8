package io.zhida.evaluation.web;

import io.zhida.evaluation.Campaigns;
import io.zhida.evaluation.Survey;
import io.zhida.evaluation.Surveys;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PublicFormLimit;
import io.zhida.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Questionnaire builder, sending, phone interviews, quotas; and the respondent's page behind the link. */
@AccessRule(roles = {Role.EVALUATOR, Role.LEADER, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class SurveyController {

    private final Surveys surveys;
    private final Campaigns campaigns;
    private final Organisations organisations;
    private final PublicFormLimit publicForms;
    private final Clock clock;

    SurveyController(Surveys surveys, Campaigns campaigns, Organisations organisations, PublicFormLimit publicForms, Clock clock) {
        this.clock = clock;
        this.publicForms = publicForms;
        this.surveys = surveys;
        this.campaigns = campaigns;
        this.organisations = organisations;
    }

    @GetMapping("/evaluation/surveys")
    String list(@AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        model.addAttribute("surveys", surveys.all(null));
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("items", campaigns.items());
        model.addAttribute("kinds", Survey.Kind.values());
        return "evaluation/surveys";
    }

    /** The builder posts parallel lists: kind[i], text[i], options[i] ("a|b|c" or one per line), measure[i]. */
    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/surveys")
    String create(@RequestParam String title, @RequestParam(required = false) Long campaign, @RequestParam(required = false) String item,
                  @RequestParam(defaultValue = "120") int quota, @RequestParam MultiValueMap<String, String> form,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        List<String> kinds = form.getOrDefault("kind", List.of());
        List<String> texts = form.getOrDefault("text", List.of());
        List<String> options = form.getOrDefault("options", List.of());
        List<String> measures = form.getOrDefault("measure", List.of());
        List<Survey.NewQuestion> questions = new ArrayList<>();
        try {
            for (int i = 0; i < kinds.size(); i++) {
                String text = i < texts.size() ? texts.get(i) : "";
                if (text.isBlank()) {
                    continue;
                }
                Survey.Kind kind = Survey.Kind.valueOf(kinds.get(i));
                List<String> opts = i < options.size() ? Arrays.stream(options.get(i).split("[|\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList() : List.of();
                String measure = i < measures.size() && !measures.get(i).isBlank() ? measures.get(i) : null;
                questions.add(new Survey.NewQuestion(kind, text, opts, measure, true));
            }
            long id = surveys.create(title, campaign, item, quota, questions, user.getUsername());
            flash.addFlashAttribute("message", "问卷已创建");
            return "redirect:/evaluation/surveys/" + id;
        } catch (InvalidInputException | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e instanceof InvalidInputException x ? x.errors().get(0).message() : "题型无效");
            return "redirect:/evaluation/surveys";
        }
    }

    @GetMapping("/evaluation/surveys/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.EVALUATION_READING.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("问卷", java.util.List.of("编号", "问卷", "政策事项", "每县（区）配额", "已发邀请", "有效答卷", "状态"))) {
            for (Survey s : surveys.all(null)) {
                sheet.row(s.id(), s.title(), s.itemCode(), s.quota(), surveys.invitations(s.id()),
                        surveys.progress(s.id()).stream().mapToLong(Survey.Progress::answers).sum(), s.status());
            }
            return io.zhida.platform.Spreadsheet.download("问卷-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/evaluation/surveys/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.EVALUATION_READING.require(user);
        model.addAttribute("s", surveys.get(id));
        model.addAttribute("progress", surveys.progress(id));
        model.addAttribute("invitations", surveys.invitations(id));
        model.addAttribute("tallies", surveys.tallies(id));
        model.addAttribute("counties", organisations.counties());
        return "evaluation/survey";
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/surveys/{id}/send")
    String send(@PathVariable long id, @RequestParam String channel, @RequestParam(defaultValue = "200") int limit,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            flash.addFlashAttribute("message", "已向 " + surveys.send(id, channel, limit) + " 家符合条件的企业发出问卷链接");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/surveys/" + id;
    }

    @AccessRule(roles = {Role.EVALUATOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/evaluation/surveys/{id}/phone")
    String phone(@PathVariable long id, @RequestParam(required = false) String uscc, @RequestParam(required = false) String phone,
                 @RequestParam(required = false) String region, @RequestParam MultiValueMap<String, String> form,
                 @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.EVALUATION_WORK.require(user);
        try {
            surveys.phone(id, uscc, phone, region, answers(form), user.getUsername());
            flash.addFlashAttribute("message", "电话访问结果已录入");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/evaluation/surveys/" + id;
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/surveys/{token}")
    String answerPage(@PathVariable String token, Model model) {
        var invitation = surveys.invitation(token);
        model.addAttribute("s", surveys.get(invitation.survey()));
        model.addAttribute("token", token);
        return "evaluation/survey-answer";
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @PostMapping("/portal/surveys/{token}")
    String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                  RedirectAttributes flash) {
        try {
            publicForms.acquire(request);
            surveys.answer(token, answers(form));
            flash.addFlashAttribute("message", "提交成功，感谢您的宝贵意见！");
            flash.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        } catch (TooManyRequestsException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal/surveys/" + token;
    }

    /** Form fields q-{questionId} → the values given. */
    static Map<Long, List<String>> answers(MultiValueMap<String, String> form) {
        Map<Long, List<String>> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.matches("q-\\d{1,18}")) {
                values.put(Long.parseLong(k.substring(2)), v);
            }
        });
        return values;
    }
}
