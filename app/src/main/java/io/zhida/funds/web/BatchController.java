package io.zhida.funds.web;

import io.zhida.funds.BankAccounts;
import io.zhida.funds.PayoutBatch;
import io.zhida.funds.PayoutBatches;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 拨付批次: create, download the bank payment file, upload the bank's result file. */
@AccessRule(roles = {Role.FINANCE, Role.ADMIN, Role.LEADER, Role.EVALUATOR}, scope = DataScope.WHOLE_CITY)
@Controller
class BatchController {

    private static final long MAX_RESULT_FILE = 20L * 1024 * 1024;

    private final PayoutBatches batches;

    private final BankAccounts accounts;
    private final Clock clock;

    BatchController(PayoutBatches batches, BankAccounts accounts, Clock clock) {
        this.clock = clock;
        this.batches = batches;
        this.accounts = accounts;
    }

    @GetMapping("/funds/batches/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("拨付批次", java.util.List.of("批次号", "生成人", "生成时间",
                "笔数", "金额（元）", "已拨付", "失败", "待回单", "回单时间"))) {
            batches.all().all().forEach(b -> sheet.row(b.number(), b.createdBy(), b.createdAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(),
                    b.lines(), b.total(), b.paid(), b.failed(), b.pending(),
                    b.settledAt() == null ? null : b.settledAt().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime()));
            return io.zhida.platform.Spreadsheet.download("拨付批次-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/funds/batches")
    String list(io.zhida.platform.PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        model.addAttribute("batches", batches.all().page(page));
        model.addAttribute("ready", batches.readyToPay());
        model.addAttribute("waiting", batches.waitingForAccount());
        model.addAttribute("waitingEnterprises", batches.waitingForAccount(null).count());
        model.addAttribute("mismatches", batches.nameMismatches());
        return "funds/batches";
    }

    /** 待企业确认收款账户: the enterprises to chase, longest waiting first, found by name or credit code. */
    @GetMapping("/funds/accounts/waiting")
    String waiting(@RequestParam(required = false) String q, io.zhida.platform.PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        model.addAttribute("waitingList", batches.waitingForAccount(q).page(page));
        model.addAttribute("waiting", batches.waitingForAccount());
        model.addAttribute("q", q);
        return "funds/waiting-accounts";
    }

    /** The enterprises whose money waits for their receiving account, to chase them (all of them, not just the page). */
    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @GetMapping("/funds/accounts/waiting.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportWaiting(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("待确认收款账户", java.util.List.of("统一社会信用代码", "企业",
                "待拨付笔数", "金额（元）", "可拨付起", "最近提醒", "提醒次数"))) {
            batches.waitingForAccount(null).all().forEach(w -> sheet.row(w.uscc(), w.enterpriseName(), w.grants(), w.amount(),
                    w.since().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(),
                    w.lastReminded() == null ? null : w.lastReminded().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(), w.reminders()));
            return io.zhida.platform.Spreadsheet.download("待确认收款账户-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/accounts/remind")
    String remind(@AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        int reminded = batches.remindWaitingForAccount();
        flash.addFlashAttribute("message", reminded == 0 ? "今天已提醒过这些企业，明天可再次提醒" : "已向 " + reminded + " 家企业发送提醒（站内信，并按其设置发短信或邮件）");
        return "redirect:/funds/accounts/waiting";
    }

    /** 户名例外: the finance officer has checked that the differently named account belongs to the enterprise. */
    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/accounts/{uscc}/name-exception")
    String nameException(@PathVariable String uscc, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                         RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        try {
            accounts.confirmNameException(uscc, reason);
            flash.addFlashAttribute("message", "已确认户名例外，下次生成批次时纳入拨付");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/funds/batches";
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/batches")
    String create(@AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        try {
            Optional<PayoutBatch> batch = batches.create();
            if (batch.isEmpty()) {
                flash.addFlashAttribute("error", "没有可拨付的资金（公示期满、已确认收款账户的才能拨付）");
                return "redirect:/funds/batches";
            }
            flash.addFlashAttribute("message", "已生成拨付批次 " + batch.get().number() + "，请下载拨付文件提交银行");
            return "redirect:/funds/batches/" + batch.get().id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/funds/batches";
        }
    }

    @GetMapping("/funds/batches/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.FUNDS_OVERSIGHT.require(user);
        model.addAttribute("batch", batches.get(id));
        model.addAttribute("lines", batches.lines(id));
        return "funds/batch";
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @GetMapping("/funds/batches/{id}/payment.{format:xlsx|csv}")
    ResponseEntity<byte[]> paymentFile(@PathVariable long id, @PathVariable String format, @AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        PayoutBatch batch = batches.get(id);
        boolean xlsx = format.equals("xlsx");
        return ResponseEntity.ok()
                .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("拨付文件-" + batch.number() + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(batches.paymentFile(id, xlsx));
    }

    @AccessRule(roles = {Role.FINANCE, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
    @PostMapping("/funds/batches/{id}/result")
    String result(@PathVariable long id, @RequestParam("file") MultipartFile file, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) throws IOException {
        AccessPolicy.FUNDS_PAYMENT.require(user);
        try {
            if (file.isEmpty() || file.getSize() > MAX_RESULT_FILE) {
                throw new InvalidInputException("file", "请上传银行回单文件（CSV 或 XLSX，不超过 20 MB）");
            }
            PayoutBatch.Settlement s = batches.settle(id, file.getOriginalFilename(), file.getInputStream());
            flash.addFlashAttribute("message", "已导入银行回单：到账 " + s.paid() + " 笔，失败 " + s.failed() + " 笔"
                    + (s.alreadySettled() > 0 ? "，" + s.alreadySettled() + " 笔此前已处理" : ""));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/funds/batches/" + id;
    }
}
