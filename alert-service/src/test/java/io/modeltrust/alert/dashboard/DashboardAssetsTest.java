package io.modeltrust.alert.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's static files, without a browser: served at / by the service itself, every module
 * import resolves to a bundled file, and nothing refers to another host (no CDN at run time).
 */
@QuarkusTest
class DashboardAssetsTest {

    private static final Path ROOT = Path.of("src", "main", "resources", "META-INF", "resources");
    private static final Pattern IMPORT = Pattern.compile("(?:import|from)\\s+['\"](\\.{1,2}/[^'\"]+)['\"]");

    private static List<Path> assets() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void servedAtRootFromTheServiceItself() throws IOException {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script type=\"module\" src=\"js/app.js\">"));
        for (Path file : assets()) {
            String url = "/" + ROOT.relativize(file).toString().replace('\\', '/');
            String type = file.toString().endsWith(".js") ? "javascript" : file.toString().endsWith(".css") ? "text/css" : "text/html";
            given().get(url).then().statusCode(200).contentType(containsString(type));
        }
    }

    @Test
    void modulesResolveAndNothingLoadsFromAnotherHost() throws IOException {
        List<String> problems = new ArrayList<>();
        int modules = 0;
        for (Path file : assets()) {
            String text = Files.readString(file);
            if (Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/").matcher(text.replace("http://www.w3.org/2000/svg", "")).find()) {
                problems.add(file + " refers to another host");
            }
            if (file.toString().endsWith(".js")) {
                modules++;
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    if (!Files.isRegularFile(file.getParent().resolve(m.group(1)).normalize())) {
                        problems.add(file + " imports missing " + m.group(1));
                    }
                }
                assertTrue(text.lines().count() < 300, file + " stays under 300 lines");
            }
        }
        assertFalse(modules < 10, "the modules were found");
        assertEquals(List.of(), problems);
    }

    /**
     * The Content-Security-Policy (script-src and style-src 'self') refuses inline code: no script element without
     * src, no style element or attribute, no on* handler attribute in the page, and no style attribute written by
     * the modules (in h() attributes or in SVG markup); they style through classes and the CSSOM.
     */
    @Test
    void nothingInlineThatThePolicyWouldRefuse() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern inlineScript = Pattern.compile("(?i)<script(?![^>]*\\bsrc=)[^>]*>");
        Pattern inHtml = Pattern.compile("(?i)<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:");
        Pattern inJs = Pattern.compile("\\bstyle\\s*:\\s*[`'\"]|\\sstyle=\\\\?[\"']|setAttribute\\(\\s*['\"]style|cssText|javascript:");
        for (Path file : assets()) {
            String text = Files.readString(file);
            String name = file.toString();
            if (name.endsWith(".html") && (inlineScript.matcher(text).find() || inHtml.matcher(text).find())) {
                problems.add(file + " has inline script or style");
            }
            if (name.endsWith(".js") && inJs.matcher(text).find()) {
                problems.add(file + " writes a style attribute");
            }
        }
        assertEquals(List.of(), problems);
    }
}
