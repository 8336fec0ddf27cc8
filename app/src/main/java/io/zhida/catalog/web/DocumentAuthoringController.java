package io.zhida.catalog.web;

import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyDocument;
import io.zhida.catalog.internal.DocumentText;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 政策文件 for authors: list, create and edit; the full text is pasted or extracted from an uploaded PDF, DOCX or HTML. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/catalog/documents")
class DocumentAuthoringController {

    private final PolicyCatalog catalog;
    private final PolicyAuthoring authoring;
    private final Clock clock;
    private final io.zhida.catalog.LegalReviews legalReviews;
    private final io.zhida.catalog.TextProposals proposals;

    DocumentAuthoringController(PolicyCatalog catalog, PolicyAuthoring authoring, Clock clock, io.zhida.catalog.LegalReviews legalReviews,
                                io.zhida.catalog.TextProposals proposals) {
        this.legalReviews = legalReviews;
        this.proposals = proposals;
        this.clock = clock;
        this.catalog = catalog;
        this.authoring = authoring;
    }

    @ModelAttribute
    void onlyAuthors(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_AUTHORING.require(user);
    }

    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export() {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("政策文件", java.util.List.of("文号", "标题", "层级", "发文机关", "发布日期", "生效", "失效", "状态"))) {
            catalog.documents().forEach(d -> sheet.row(d.number(), d.title(), d.level(), d.issuer(), d.publishedOn(), d.validFrom(), d.validTo(), d.status()));
            return io.zhida.platform.Spreadsheet.download("政策文件-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping
    String list(Model model) {
        return page(model, PolicyDocument.blank(), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return page(model, catalog.document(id).orElseThrow(() -> new NotFoundException("政策文件不存在")), Map.of());
    }

    @PostMapping
    String save(@RequestParam String number, @RequestParam String title, @RequestParam String level, @RequestParam String issuer,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                @RequestParam(defaultValue = "") String themes, @RequestParam(defaultValue = "") String industries,
                @RequestParam(defaultValue = "") String regions, @RequestParam(defaultValue = "") String fullText,
                @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        PolicyDocument document = new PolicyDocument(null, number.strip(), title.strip(), level, issuer.strip(), publishedOn,
                validFrom, validTo, fullText, ItemForm.words(themes), ItemForm.words(industries), ItemForm.words(regions), "EFFECTIVE");
        try {
            if (file != null && file.getSize() > 20L * 1024 * 1024) {
                throw new InvalidInputException("file", "全文文件不能超过 20 MB");
            }
            if (file != null && !file.isEmpty()) {
                String extracted = DocumentText.extract(file.getOriginalFilename(), file.getBytes());
                document = document.withFullText(extracted);
            }
            authoring.saveDocument(document);
            redirect.addFlashAttribute("message", "已保存政策文件 " + document.title()
                    + (file != null && !file.isEmpty() ? "（已从 " + file.getOriginalFilename() + " 提取全文）" : ""));
            String saved = document.number();
            return catalog.documents().stream().filter(d -> d.number().equals(saved)).findFirst()
                    .map(d -> "redirect:/catalog/documents/" + d.id()).orElse("redirect:/catalog/documents");
        } catch (InvalidInputException e) {
            return page(model, document, e.errors().stream().collect(Collectors.toMap(
                    InvalidInputException.FieldError::field, InvalidInputException.FieldError::message, (a, b) -> a)));
        }
    }

    @PostMapping("/{id}/abolish")
    String abolish(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            List<String> items = authoring.abolishDocument(id, reason);
            redirect.addFlashAttribute("message", "已废止该政策文件" + (items.isEmpty() ? "" : "，并连带废止事项 " + String.join("、", items)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/catalog/documents/" + id;
    }

    private String page(Model model, PolicyDocument form, Map<String, String> errors) {
        model.addAttribute("documents", catalog.documents());
        model.addAttribute("form", form);
        model.addAttribute("levels", PolicyDocument.LEVELS);
        model.addAttribute("errors", errors);
        model.addAttribute("legal", form.id() == null ? null : legalReviews.of(form.id()).orElse(null));
        model.addAttribute("legalDepartment", legalReviews.legalDepartmentName());
        model.addAttribute("legalStatus", legalReviews.queue().stream()
                .collect(Collectors.toMap(io.zhida.catalog.LegalReview::documentId, io.zhida.catalog.LegalReview::statusLabel)));
        model.addAttribute("proposalCount", form.id() == null ? 0 : proposals.of(form.id()).size());
        return "catalog/documents";
    }
}
