package io.zhida.experience.internal;

import io.zhida.experience.Member;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pool of officers and experts. */
@Repository
public class MemberRows {

    private static final String COLUMNS = "id, kind, name, phone, background, organisation, expertise, status, username, term_from, term_to, "
            + "decided_by, decided_at, applied_at";

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Member.Application a) {
        return jdbc.sql("INSERT INTO experience_member (kind, name, phone, background, organisation, expertise) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(a.kind().name(), a.name(), a.phone(), a.background().name(), a.organisation(), a.expertise()).query(Long.class).single();
    }

    public Optional<Member> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM experience_member WHERE id = ? FOR UPDATE").param(id).query(MemberRows::member).optional();
    }

    public int decide(long id, Member.Status to, String username, LocalDate from, LocalDate until, String by) {
        return jdbc.sql("""
                UPDATE experience_member SET status = ?, username = ?, term_from = ?, term_to = ?, decided_by = ?, decided_at = now()
                WHERE id = ? AND status = 'APPLIED'""").params(to.name(), username, from, until, by, id).update();
    }

    public int end(long id) {
        return jdbc.sql("UPDATE experience_member SET status = 'ENDED', term_to = LEAST(COALESCE(term_to, CURRENT_DATE), CURRENT_DATE) "
                + "WHERE id = ? AND status = 'ACTIVE'").param(id).update();
    }

    public Listing<Member> list(String kind, String status) {
        return Listing.sql(jdbc, "SELECT " + COLUMNS, "FROM experience_member WHERE (CAST(:kind AS text) IS NULL OR kind = :kind) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status)", "CASE status WHEN 'APPLIED' THEN 0 WHEN 'ACTIVE' THEN 1 ELSE 2 END, applied_at DESC, id DESC",
                MemberRows::member).param("kind", kind).param("status", status);
    }

    /** The officers in their term today, with an account to be given tasks. */
    public List<Member> activeOfficers(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM experience_member WHERE kind = 'OFFICER' AND status = 'ACTIVE' AND username IS NOT NULL "
                        + "AND (term_to IS NULL OR term_to >= ?) ORDER BY name").param(today).query(MemberRows::member).list();
    }

    public boolean activeOfficer(String username, LocalDate today) {
        return jdbc.sql("SELECT count(*) FROM experience_member WHERE kind = 'OFFICER' AND status = 'ACTIVE' AND username = ? "
                + "AND (term_to IS NULL OR term_to >= ?)").params(username, today).query(Long.class).single() > 0;
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(13);
        return new Member(rs.getLong(1), Member.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                Member.Background.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), Member.Status.valueOf(rs.getString(8)),
                rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                decided == null ? null : decided.toInstant(), rs.getTimestamp(14).toInstant());
    }
}
