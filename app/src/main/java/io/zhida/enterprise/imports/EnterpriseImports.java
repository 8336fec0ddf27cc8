package io.zhida.enterprise.imports;

import io.zhida.enterprise.EnterprisesChanged;
import io.zhida.enterprise.ProfileUpdates;
import io.zhida.enterprise.internal.ProfileValidator;
import io.zhida.enterprise.internal.ProfileValidator.Checked;
import io.zhida.enterprise.internal.ProfileValidator.RowError;
import io.zhida.enterprise.internal.ProfileValidator.ValidRow;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.TextFiles;
import io.zhida.platform.Validation;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports enterprise data from the data-sharing exchange (CSV, XLSX, JSON) in the background, one import
 * at a time, in batches that each commit with their progress. Bad rows are reported with their row number
 * and reason while the good rows go in; re-importing the same file changes nothing.
 */
@Service
public class EnterpriseImports {

    public enum Format { CSV, XLSX, JSON }

    public record Status(long id, String fileName, String sourceSystem, LocalDate asOf, String state, double progress,
                         int rowsRead, int created, int updated, int unchanged, int rejected, String message,
                         String startedBy, java.time.Instant startedAt, java.time.Instant finishedAt) {
        public boolean running() {
            return "RUNNING".equals(state);
        }

        public long seconds() {
            return finishedAt == null ? 0 : java.time.Duration.between(startedAt, finishedAt).toSeconds();
        }

        public int percent() {
            return (int) Math.floor(progress * 100);
        }
    }

    public record ErrorRow(long rowNo, String field, String reason) {
    }

    static final int BATCH = 20_000;
    static final int ERRORS_KEPT = 1_000;
    private static final Logger log = LoggerFactory.getLogger(EnterpriseImports.class);

    private final ImportRows rows;
    private final ProfileUpdates updates;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enterprise-import");
        t.setDaemon(true);
        return t;
    });

    EnterpriseImports(ImportRows rows, ProfileUpdates updates, TransactionTemplate transaction, JsonMapper json, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.updates = updates;
        this.transaction = transaction;
        this.json = json;
        this.audit = audit;
    }

    public static Format formatOf(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Format.CSV;
        }
        if (lower.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (lower.endsWith(".json")) {
            return Format.JSON;
        }
        throw new InvalidInputException("file", "只能导入 .csv、.xlsx 或 .json 文件");
    }

    /**
     * Takes over {@code file} (deleted when done) and starts importing it; returns the import's id at once.
     * Administrators only.
     */
    public long start(String fileName, Path file, String sourceSystem, LocalDate asOf, ZhidaUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators import enterprise data");
        }
        Format format = formatOf(fileName);
        new Validation().requireText(sourceSystem, "sourceSystem", "数据来源系统", 100)
                .require(asOf != null && !asOf.isAfter(LocalDate.now(clock).plusDays(1)), "asOf", "请填写数据截止日期（不能晚于今天）")
                .throwIfInvalid();
        TextFiles.Encoding encoding = format == Format.XLSX ? null : encodingOf(file);
        long id = transaction.execute(status -> {
            long created = rows.create(fileName, updates.sourceId(sourceSystem.trim(), asOf), size(file), user.getUsername());
            audit.record("enterprise.import.start", "enterprise_import", Long.toString(created),
                    "导入企业数据 " + fileName + "（来源：" + sourceSystem.trim() + "，截至 " + asOf + "）", null, null);
            return created;
        });
        worker.submit(() -> run(id, format, encoding, file, sourceSystem.trim(), asOf));
        return id;
    }

    /** UTF-8 (with or without BOM) or GBK/GB18030; any other file is refused now, with the reason, and not kept. */
    private static TextFiles.Encoding encodingOf(Path file) {
        try {
            return TextFiles.detect(file, "file");
        } catch (InvalidInputException e) {
            deleteQuietly(file);
            throw e;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is cleaned by the OS
        }
    }

    public Status status(long id) {
        return rows.status(id).orElseThrow(() -> new NotFoundException("导入任务不存在：" + id));
    }

    public List<Status> recent(int limit) {
        return rows.recent(limit);
    }

    public List<ErrorRow> errors(long id) {
        return rows.errors(id);
    }

    void run(long id, Format format, TextFiles.Encoding encoding, Path file, String sourceSystem, LocalDate asOf) {
        Changes changed = new Changes();
        try (RowSource source = open(format, encoding, file)) {
            ProfileValidator validator = updates.validator();
            Set<String> ignored = new HashSet<>();
            List<RowError> headerErrors = headerErrors(source, validator, ignored);
            if (source.columns().stream().noneMatch("uscc"::equals) && format != Format.JSON) {
                throw new RowSource.UnreadableFile("表头缺少 uscc（统一社会信用代码）列");
            }
            List<ValidRow> batch = new ArrayList<>(BATCH);
            List<RowError> errors = new ArrayList<>(headerErrors);
            int read = 0;
            int refused = 0;
            while (source.hasNext()) {
                RowSource.Row row = source.next();
                read++;
                if (row.malformed() != null) {
                    errors.add(new RowError(row.number(), "-", row.malformed()));
                    refused++;
                } else {
                    Checked checked = validator.check(row.number(), withoutUnknown(row, validator, ignored, errors));
                    if (checked.ok()) {
                        batch.add(checked.row());
                    } else {
                        errors.addAll(checked.errors());
                        refused++;
                    }
                }
                if (batch.size() == BATCH || !source.hasNext()) {
                    commitBatch(id, batch, errors, refused, sourceSystem, asOf, read, source.progress(), changed);
                    read = 0;
                    refused = 0;
                    batch.clear();
                    errors.clear();
                }
            }
            if (!errors.isEmpty()) { // header problems of a file without data rows
                commitBatch(id, batch, errors, refused, sourceSystem, asOf, read, source.progress(), changed);
            }
            transaction.executeWithoutResult(status -> {
                updates.announce(changed.usccs, changed.everything);
                rows.finish(id, "DONE", null);
            });
        } catch (RowSource.UnreadableFile e) {
            rows.finish(id, "FAILED", e.getMessage());
        } catch (RuntimeException | IOException e) {
            log.error("Import {} failed", id, e);
            rows.finish(id, "FAILED", "导入中断：" + e.getClass().getSimpleName() + "，已提交的批次保留，可重新导入同一文件继续");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is cleaned by the OS
            }
        }
    }

    private void commitBatch(long id, List<ValidRow> batch, List<RowError> errors, int refused, String sourceSystem, LocalDate asOf,
                             int read, double progress, Changes changed) {
        transaction.executeWithoutResult(status -> {
            ProfileUpdates.Result result = batch.isEmpty() ? new ProfileUpdates.Result(0, 0, 0, List.of(), List.of())
                    : updates.merge(batch, sourceSystem, asOf);
            List<RowError> all = new ArrayList<>(errors);
            all.addAll(result.rejected());
            rows.recordErrors(id, all);
            rows.progress(id, progress, read, result.created(), result.updated(), result.unchanged(),
                    refused + result.rejected().size());
            changed.add(result.changed());
        });
    }

    /** The enterprises an import changed, until there are so many that matching should start over. */
    private static final class Changes {
        final Set<String> usccs = new HashSet<>();
        boolean everything;

        void add(List<String> more) {
            if (!everything) {
                usccs.addAll(more);
                if (usccs.size() > EnterprisesChanged.ONE_BY_ONE_LIMIT) {
                    everything = true;
                    usccs.clear();
                }
            }
        }
    }

    private static List<RowError> headerErrors(RowSource source, ProfileValidator validator, Set<String> ignored) {
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : source.columns()) {
            if (!seen.add(column)) {
                throw new RowSource.UnreadableFile("表头中“" + column + "”列重复");
            }
            validator.fieldProblem(column).ifPresent(p -> {
                errors.add(new RowError(1, column, p + "，该列已忽略"));
                ignored.add(column);
            });
        }
        return errors;
    }

    /** Drops fields that are no attribute; each is reported once, where it first appears. */
    private static Map<String, Object> withoutUnknown(RowSource.Row row, ProfileValidator validator, Set<String> ignored,
                                                      List<RowError> errors) {
        Map<String, Object> fields = new LinkedHashMap<>(row.fields());
        fields.keySet().removeIf(field -> {
            if ("uscc".equals(field) || (!ignored.contains(field) && validator.fieldProblem(field).isEmpty())) {
                return false;
            }
            if (ignored.add(field)) {
                errors.add(new RowError(row.number(), field, validator.fieldProblem(field).orElseThrow() + "，该字段已忽略"));
            }
            return true;
        });
        return fields;
    }

    private RowSource open(Format format, TextFiles.Encoding encoding, Path file) throws IOException {
        return switch (format) {
            case CSV -> new CsvRows(file, encoding);
            case XLSX -> new XlsxRows(file);
            case JSON -> new JsonRows(file, json, encoding);
        };
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
