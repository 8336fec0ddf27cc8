package io.zhida.news.internal;

import io.zhida.news.Article;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The articles. */
@Repository
public class ArticleRows {

    private static final String COLUMNS = "id, category, title, summary, body, item_code, published_at, author, created_at, updated_at";

    private final JdbcClient jdbc;

    ArticleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Article.Draft d, String author) {
        return jdbc.sql("INSERT INTO news_article (category, title, summary, body, item_code, author) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(d.category().name(), d.title(), d.summary(), d.body(), d.itemCode(), author).query(Long.class).single();
    }

    public int update(long id, Article.Draft d) {
        return jdbc.sql("UPDATE news_article SET category = ?, title = ?, summary = ?, body = ?, item_code = ?, updated_at = now() WHERE id = ?")
                .params(d.category().name(), d.title(), d.summary(), d.body(), d.itemCode(), id).update();
    }

    public int publish(long id, boolean publish) {
        return jdbc.sql("UPDATE news_article SET published_at = " + (publish ? "coalesce(published_at, now())" : "NULL") + ", updated_at = now() WHERE id = ?")
                .param(id).update();
    }

    public Optional<Article> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM news_article WHERE id = ?").param(id).query(ArticleRows::article).optional();
    }

    /** Published ones (for the portal) or all (for the authors), newest first. */
    public Listing<Article> list(boolean publishedOnly, String category) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM news_article WHERE (NOT :published OR published_at IS NOT NULL) "
                        + "AND (CAST(:category AS text) IS NULL OR category = :category)", "coalesce(published_at, updated_at) DESC, id DESC",
                ArticleRows::article).param("published", publishedOnly).param("category", category);
    }

    private static Article article(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp(7);
        return new Article(rs.getLong(1), Article.Category.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), published == null ? null : published.toInstant(), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }
}
