package io.zhida.matching.internal;

import io.zhida.matching.MatchesFound.Notice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Table match_news: chunks of newly announced pairs, compressed (item codes once per chunk in code order,
 * then each enterprise's items as gaps between their indexes). A province's first match is 236 M pairs; as rows here they are about
 * 1 byte a pair, where as event JSON they were tens of bytes a pair, stored once per listener.
 */
@Repository
public class MatchNewsRows {

    static final int MAGIC = 0x5A444E31; // "ZDN1"

    private final JdbcClient jdbc;

    MatchNewsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one chunk in the caller's transaction. @return its id */
    public long save(List<Notice> notices) {
        int pairs = notices.stream().mapToInt(n -> n.itemCodes().size()).sum();
        return jdbc.sql("INSERT INTO match_news (enterprises, pairs, body) VALUES (?, ?, ?) RETURNING id")
                .params(notices.size(), pairs, encode(notices)).query(Long.class).single();
    }

    public Optional<List<Notice>> find(long id) {
        return jdbc.sql("SELECT body FROM match_news WHERE id = ?").param(id).query((rs, n) -> decode(rs.getBytes(1))).optional();
    }

    /** Listeners get their events within minutes, or after a restart; two weeks covers a long outage. */
    @Scheduled(cron = "0 47 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "matching.news-cleanup")
    public void forgetOld() {
        jdbc.sql("DELETE FROM match_news WHERE created_at < now() - interval '14 days'").update();
    }

    static byte[] encode(List<Notice> notices) {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
        notices.forEach(n -> sorted.addAll(n.itemCodes()));
        Map<String, Integer> codes = new LinkedHashMap<>();
        sorted.forEach(c -> codes.put(c, codes.size()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(codes.size());
            for (String code : codes.keySet()) {
                out.writeUTF(code);
            }
            out.writeInt(notices.size());
            for (Notice n : notices) {
                out.writeUTF(n.uscc());
                int[] indexes = n.itemCodes().stream().mapToInt(codes::get).sorted().toArray();
                writeVarint(out, indexes.length);
                int previous = -1;
                for (int index : indexes) {
                    writeVarint(out, index - previous); // gaps in code order: one byte each for a province's items
                    previous = index;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("match_news body: a number longer than 5 bytes");
    }

    /** @return the chunk; each enterprise's items in code order */
    static List<Notice> decode(byte[] body) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(body)), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("match_news body of an unknown format");
            }
            String[] codes = new String[in.readInt()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = in.readUTF();
            }
            int enterprises = in.readInt();
            List<Notice> notices = new ArrayList<>(enterprises);
            for (int e = 0; e < enterprises; e++) {
                String uscc = in.readUTF();
                String[] items = new String[readVarint(in)];
                int index = -1;
                for (int i = 0; i < items.length; i++) {
                    index += readVarint(in);
                    items[i] = codes[index];
                }
                notices.add(new Notice(uscc, List.of(items)));
            }
            return notices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
