package io.zhida.news;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.ZhidaUser;
import io.zhida.news.internal.ArticleRows;
import io.zhida.platform.Inputs;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writing, publishing and withdrawing articles (policy authors), and reading the published ones (anyone). */
@Service
public class News {

    private final ArticleRows rows;
    private final PolicyCatalog catalog;
    private final AuditLog audit;

    News(ArticleRows rows, PolicyCatalog catalog, AuditLog audit) {
        this.rows = rows;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Transactional
    public long save(ZhidaUser author, Long id, Article.Draft d) {
        AccessPolicy.POLICY_AUTHORING.require(author);
        Article.Draft clean = checked(d);
        if (id == null) {
            long created = rows.insert(clean, author.getUsername());
            audit.record("news.create", "news_article", String.valueOf(created), clean.title(), null, null);
            return created;
        }
        if (rows.update(id, clean) == 0) {
            throw new NotFoundException("没有这篇资讯");
        }
        audit.record("news.update", "news_article", String.valueOf(id), clean.title(), null, null);
        return id;
    }

    @Transactional
    public void publish(ZhidaUser author, long id, boolean publish) {
        AccessPolicy.POLICY_AUTHORING.require(author);
        if (rows.publish(id, publish) == 0) {
            throw new NotFoundException("没有这篇资讯");
        }
        audit.record(publish ? "news.publish" : "news.withdraw", "news_article", String.valueOf(id), publish ? "发布资讯" : "撤下资讯", null, null);
    }

    /** A published article for anyone; an unpublished one only to the authors. */
    public Article read(long id, ZhidaUser user) {
        Article a = rows.find(id).orElseThrow(() -> new NotFoundException("没有这篇资讯"));
        if (!a.published() && !AccessPolicy.POLICY_AUTHORING.allows(user)) {
            throw new NotFoundException("没有这篇资讯");
        }
        return a;
    }

    public Listing<Article> published(Article.Category category) {
        return rows.list(true, category == null ? null : category.name());
    }

    public Listing<Article> all() {
        return rows.list(false, null);
    }

    private Article.Draft checked(Article.Draft d) {
        String item = d.itemCode() == null || d.itemCode().isBlank() ? null : d.itemCode().strip();
        new Validation().require(d.category() != null, "category", "请选择栏目").requireText(d.title(), "title", "标题", 200)
                .optionalText(d.summary(), "summary", "摘要", 500).requireText(d.body(), "body", "正文", 20_000)
                .require(!Inputs.hasControlCharacters(d.title()), "title", "标题含有不可见字符")
                .require(item == null || catalog.published(item).isPresent(), "itemCode", "关联的政策事项不存在").throwIfInvalid();
        return new Article.Draft(d.category(), d.title().strip(), d.summary() == null || d.summary().isBlank() ? null : d.summary().strip(),
                d.body().strip(), item);
    }
}
