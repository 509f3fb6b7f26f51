package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's own documents: README.md, docs/, each module's docs/ and any other markdown. A
 * newcomer has only the checkout, so every relative link must resolve in it and no document may send
 * them to the shared folder it was written beside.
 */
class DocumentationLinksTest {

    @Test
    void everyLinkOfEveryDocumentResolvesInTheRepository() {
        LinkCheck.Report report = LinkCheck.run(Platform.path("."));
        assertTrue(report.files() >= 2, "found only " + report.files() + " markdown files under " + Platform.path("."));
        System.out.println("documentation links: " + report.files() + " markdown files, "
                + report.webLinks().size() + " web links" + (report.webLinks().isEmpty() ? "" : ":"));
        report.webLinks().forEach(link -> System.out.println("  " + link));
        assertEquals(List.of(), report.problems(), "broken or outside links:\n" + String.join("\n", report.problems()));
    }

    /** The check reads README.md and every page of docs/, so a page cannot slip out of it unnoticed. */
    @Test
    void theCheckCoversTheReadmeAndEveryPageOfDocs() {
        Path root = Platform.path(".").toAbsolutePath().normalize();
        Set<Path> checked = LinkCheck.markdownFiles(root).stream().map(p -> root.relativize(p.toAbsolutePath().normalize()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Path> expected = new TreeSet<>();
        expected.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).forEach(p -> expected.add(root.relativize(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(expected.contains(Path.of("docs", "getting-started.md")), "docs/getting-started.md is missing");
        assertTrue(expected.contains(Path.of("docs", "dashboard.md")), "docs/dashboard.md is missing");
        expected.removeAll(checked);
        assertEquals(Set.of(), expected, "documents the link check does not read");
    }

    /** README is the first page a newcomer reads: every link in it leads to a file of the checkout. */
    @Test
    void theReadmeLinksOnlyToFilesOfTheRepository() {
        List<String> web = LinkCheck.run(Platform.path(".")).webLinks().stream()
                .filter(link -> link.startsWith("README.md:")).toList();
        assertEquals(List.of(), web, "README.md links outside the repository");
    }
}
