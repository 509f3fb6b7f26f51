package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link checker on small repositories made for it, so that a broken link is known to fail it. */
class LinkCheckTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<String> problems() {
        return LinkCheck.run(repo).problems();
    }

    @Test
    void soundLinksPass() throws IOException {
        write("README.md", """
                # Title
                See [the API](docs/api.md), [errors](docs/api.md#errors-and-status-codes),
                [layout](#layout), [a folder](docs/), [code](src/Main.java#L3), ![img](docs/a.png)
                and [the site](https://example.com/x).

                [ref]: docs/api.md#errors-and-status-codes

                ## Layout
                """);
        write("docs/api.md", "# API\n\n## Errors and status codes\n\nBack to [the top](../README.md#title).\n");
        write("docs/a.png", "");
        write("src/Main.java", "class Main {}\n");
        LinkCheck.Report report = LinkCheck.run(repo);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of("README.md:4: https://example.com/x"), report.webLinks());
        assertEquals(2, report.files());
    }

    @Test
    void aLinkToAMissingFileFails() throws IOException {
        write("README.md", "# Title\n\nSee [the API](docs/api.md).\n");
        assertEquals(List.of("README.md:3: [the API](docs/api.md): no such file in the repository"), problems());
    }

    @Test
    void aLinkToAMissingHeadingFails() throws IOException {
        write("docs/api.md", "# API\n\n## Errors\n");
        write("docs/guide.md", "[errors](api.md#status-codes) and [self](#nothing-here)\n\n# Guide\n");
        List<String> problems = problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no heading with anchor #status-codes in docs/api.md"), problems.get(0));
        assertTrue(problems.get(1).contains("no heading with anchor #nothing-here"), problems.get(1));
    }

    @Test
    void linksOutOfTheRepositoryFail() throws IOException {
        write("README.md", """
                [contract](../shared/CONTRACT.md)
                [data](/work/shared/data/german.data)
                [build](deploy/target/report.txt)
                [file](file:///etc/passwd)
                """);
        write("deploy/target/report.txt", "");
        List<String> problems = problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("README.md:1: [contract](../shared/CONTRACT.md): points outside the repository"), all);
        assertTrue(all.contains("README.md:2: [data](/work/shared/data/german.data): no such file"), all);
        assertTrue(all.contains("README.md:3: [build](deploy/target/report.txt): points into target/"), all);
        assertTrue(all.contains("README.md:4: [file](file:///etc/passwd): not a repository path"), all);
        // The prose check names the contract and the machine's shared folder, on lines 1 and 2.
        assertTrue(all.contains("README.md:1: 'CONTRACT.md' is outside the repository"), all);
        assertTrue(all.contains("README.md:2: '/work/shared' is outside the repository"), all);
    }

    @Test
    void theSharedDocumentsNamedInProseFail() throws IOException {
        write("docs/metrics.md", """
                # Metrics

                Defined in METRICS.md, see `/work/shared/CONTRACT.md`.
                The optional data sets may lie in `../shared/data` beside the checkout.
                """);
        List<String> problems = problems();
        assertEquals(List.of("docs/metrics.md:3: 'METRICS.md' is outside the repository (a reader has only the checkout)",
                "docs/metrics.md:3: '/work/shared' is outside the repository (a reader has only the checkout)",
                "docs/metrics.md:3: 'CONTRACT.md' is outside the repository (a reader has only the checkout)"), problems);
    }

    @Test
    void linksInCodeAreNotLinks() throws IOException {
        write("README.md", """
                ```bash
                echo "[not a link](missing.md)"
                # not a heading
                ```
                Inline `[code](missing.md)` is text too.
                """);
        assertEquals(List.of(), problems());
        assertEquals(Set.of(), MarkdownDoc.parse(Files.readString(repo.resolve("README.md"))).anchors());
    }

    @Test
    void buildOutputAndHiddenFoldersAreNotDocuments() throws IOException {
        write("target/broken.md", "[x](missing.md)\n");
        write(".run/broken.md", "[x](missing.md)\n");
        write("ui/node_modules/pkg/README.md", "[x](missing.md)\n");
        write("docs/ok.md", "# ok\n");
        assertEquals(List.of(repo.resolve("docs/ok.md")), LinkCheck.markdownFiles(repo));
    }

    @Test
    void anchorsFollowGitHub() {
        assertEquals("models-ingest-service-8081", MarkdownDoc.slug("Models (ingest-service, 8081)"));
        assertEquals("monitoringbatches-the-record-format", MarkdownDoc.slug("`monitoring.batches`: the record format"));
        assertEquals("fairnessfavorableclass", MarkdownDoc.slug("fairness.favorableClass"));
        assertEquals("401-and-403", MarkdownDoc.slug("401 and 403"));
        assertEquals("snake_case-and-bold", MarkdownDoc.slug("`snake_case` and **bold**"));
        assertEquals("emphasis-link", MarkdownDoc.slug("_emphasis_ [link](x.md)"));
        assertEquals("a--b", MarkdownDoc.slug("a & b"));
        assertEquals("größe-und-maß", MarkdownDoc.slug("Größe und Maß"));
    }

    @Test
    void repeatedHeadingsAreNumberedAndSetextHeadingsCount() {
        MarkdownDoc doc = MarkdownDoc.parse("""
                # Kubernetes

                ## Kubernetes

                Setext title
                ============

                <a id="custom"></a>
                Closed ATX ##
                """);
        assertEquals(Set.of("kubernetes", "kubernetes-1", "setext-title", "custom"), doc.anchors());
    }
}
