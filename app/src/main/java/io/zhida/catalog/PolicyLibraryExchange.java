package io.zhida.catalog;

import io.zhida.catalog.internal.ItemValidator;
import io.zhida.catalog.internal.LibraryYaml;
import io.zhida.catalog.internal.PolicyRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk exchange of the library as YAML. Import is all-or-nothing: every entry is validated first
 * (rules compiled, departments and documents resolved), and one invalid entry rejects the file with
 * every problem listed and nothing written.
 */
@Service
public class PolicyLibraryExchange {

    public record ImportReport(int documents, int items, int published) {
    }

    private final PolicyRows rows;
    private final ItemValidator validator;
    private final PolicyAuthoring authoring;
    private final PolicyCatalog catalog;
    private final LegalReviews legalReviews;

    PolicyLibraryExchange(PolicyRows rows, ItemValidator validator, PolicyAuthoring authoring, PolicyCatalog catalog, LegalReviews legalReviews) {
        this.legalReviews = legalReviews;
        this.rows = rows;
        this.validator = validator;
        this.authoring = authoring;
        this.catalog = catalog;
    }

    /** @param publish true only for trusted loads (the demo library): items skip the review queue, audited as such */
    @Transactional
    public ImportReport importYaml(String text, boolean publish) {
        LibraryYaml.Parsed parsed = LibraryYaml.parse(text);
        List<ImportProblem> problems = new ArrayList<>(parsed.problems().stream()
                .map(p -> new ImportProblem(p.item(), p.field(), p.line(), p.message())).toList());
        Set<String> fileDocuments = parsed.documents().stream().map(PolicyDocument::number).collect(Collectors.toSet());
        for (int i = 0; i < parsed.documents().size(); i++) {
            PolicyDocument d = parsed.documents().get(i);
            Map<String, Integer> lines = parsed.documentLines().size() > i ? parsed.documentLines().get(i) : Map.of();
            for (ItemValidator.Problem p : validator.scopeProblems(d.industries(), d.regions())) {
                problems.add(new ImportProblem(d.number() == null ? "文件#" + (i + 1) : d.number(), p.field(),
                        lines.getOrDefault(p.field(), lines.getOrDefault("", 1)), p.message()));
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < parsed.items().size(); i++) {
            ItemContent item = parsed.items().get(i);
            Map<String, Integer> lines = parsed.itemLines().get(i);
            String name = item.code() == null ? "#" + (i + 1) : item.code();
            if (item.code() != null && !codes.add(item.code())) {
                problems.add(new ImportProblem(name, "code", lines.getOrDefault("code", 1), "事项编码在文件中重复"));
            }
            if (parsed.problems().stream().anyMatch(p -> p.item().equals(name))) {
                continue; // its fields could not even be read; validating the rest would repeat the same problems
            }
            for (ItemValidator.Problem p : validator.validate(item, n -> fileDocuments.contains(n) || rows.documentId(n).isPresent())) {
                String field = "annual_cap".equals(p.field()) ? "annual_cap_per_enterprise" : p.field();
                int line = lines.getOrDefault(field, lines.getOrDefault("", 1)) + (p.ruleLine() == null ? 0 : p.ruleLine() - 1);
                problems.add(new ImportProblem(name, field, line, p.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        parsed.documents().forEach(authoring::saveDocument);
        if (publish) {
            parsed.documents().forEach(d -> legalReviews.passTrusted(d.number(), "批量导入：发文机关已完成合法性审查"));
        }
        int published = 0;
        List<Integer> checklist = IntStream.range(0, PolicyAuthoring.CHECKLIST.size()).boxed().toList();
        for (ItemContent item : parsed.items()) {
            rows.itemIds(item.code()).filter(ids -> ids[1] > 0 && ids[2] == 0).ifPresent(ids -> authoring.revise(item.code()));
            authoring.saveDraft(item);
            if (publish) {
                authoring.submitForReview(item.code());
                authoring.approveTrusted(item.code(), checklist, "批量导入");
                published++;
            }
        }
        return new ImportReport(parsed.documents().size(), parsed.items().size(), published);
    }

    /** Every document and each item's current version (published, or the working draft for unpublished items). */
    public String exportYaml() {
        return LibraryYaml.write(catalog.documents(), catalog.workingView().stream().map(PolicyItem::content).toList());
    }
}
