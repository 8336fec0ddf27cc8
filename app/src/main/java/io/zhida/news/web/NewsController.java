package io.zhida.news.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.news.Article;
import io.zhida.news.News;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.PageQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 资讯动态 on the portal, and the authors' desk for it. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class NewsController {

    private final News news;

    NewsController(News news) {
        this.news = news;
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/news")
    String list(@RequestParam(required = false) Article.Category category, PageQuery page, Model model) {
        model.addAttribute("articles", news.published(category).page(page));
        model.addAttribute("category", category);
        model.addAttribute("categories", Article.Category.values());
        return "news/list";
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/news/{id}")
    String read(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("a", news.read(id, user));
        return "news/article";
    }

    @GetMapping("/news/manage")
    String manage(@RequestParam(required = false) Long edit, PageQuery page, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("articles", news.all().page(page));
        model.addAttribute("categories", Article.Category.values());
        model.addAttribute("editing", edit == null ? null : news.read(edit, user));
        return "news/manage";
    }

    @PostMapping("/news/manage")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Article.Category category,
                @RequestParam(required = false) String title, @RequestParam(required = false) String summary,
                @RequestParam(required = false) String body, @RequestParam(required = false) String itemCode,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        try {
            long saved = news.save(user, id, new Article.Draft(category, title, summary, body, itemCode));
            flash.addFlashAttribute("message", "已保存，发布后在门户“资讯动态”中显示");
            return "redirect:/news/manage?edit=" + saved;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
            return "redirect:/news/manage" + (id == null ? "" : "?edit=" + id);
        }
    }

    @PostMapping("/news/manage/{id}/publish")
    String publish(@PathVariable long id, @RequestParam boolean publish, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) {
        news.publish(user, id, publish);
        flash.addFlashAttribute("message", publish ? "已发布" : "已撤下");
        return "redirect:/news/manage";
    }
}
