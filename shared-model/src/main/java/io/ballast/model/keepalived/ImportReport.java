package io.ballast.model.keepalived;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every line an import could not take over as written, in file and line order. */
public record ImportReport(List<ImportIssue> issues) {

    public ImportReport {
        issues = issues == null ? List.of() : issues.stream()
                .sorted(Comparator.comparing(ImportIssue::file).thenComparingInt(ImportIssue::line))
                .toList();
    }

    /** True when every line was taken over exactly. */
    public boolean isClean() {
        return issues.isEmpty();
    }

    public List<ImportIssue> ofKind(ImportIssue.Kind kind) {
        return issues.stream().filter(i -> i.kind() == kind).toList();
    }

    /** The issues about {@code keyword}, for tools that look for one kind of line. */
    public List<ImportIssue> about(String keyword) {
        return issues.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** One issue per line, as an operator reads it. */
    public String text() {
        return issues.stream().map(ImportIssue::toString).collect(Collectors.joining("\n"));
    }
}
