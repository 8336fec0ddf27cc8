package io.zhida.liaison;

import io.zhida.identity.ZhidaUser;
import io.zhida.liaison.internal.LiaisonRows;
import io.zhida.platform.Validation;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The official's visits and contacts with the enterprises they look after. */
@Service
public class Visits {

    private final LiaisonRows rows;

    Visits(LiaisonRows rows) {
        this.rows = rows;
    }

    @Transactional
    public void log(ZhidaUser official, String uscc, Liaison.ContactKind kind, String note) {
        new Validation().require(kind != null, "kind", "请选择联系方式").requireText(note, "note", "走访情况", 2000).throwIfInvalid();
        rows.member(uscc).filter(m -> official.getUsername().equals(m.official()))
                .orElseThrow(() -> new AccessDeniedException("an enterprise the official looks after"));
        rows.contact(uscc, official.getUsername(), kind, note.strip());
    }

    public List<Liaison.Contact> of(String uscc) {
        return rows.contacts(uscc, 50);
    }

    public java.util.Optional<Liaison.Member> member(String uscc) {
        return rows.member(uscc);
    }
}
