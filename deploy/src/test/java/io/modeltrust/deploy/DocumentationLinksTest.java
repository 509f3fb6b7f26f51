package io.modeltrust.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
