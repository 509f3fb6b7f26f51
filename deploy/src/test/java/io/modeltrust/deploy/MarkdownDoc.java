package io.modeltrust.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link checker needs from one markdown file: the links it makes and the anchors GitHub gives its
 * headings. Not a markdown renderer: it knows fenced code (whose text is neither a link nor a heading),
 * code spans, ATX and setext headings, inline links and images, reference definitions and HTML href/src,
 * which is all the repository's documents use.
 */
final class MarkdownDoc {

    /** A link as written: the line it is on (1-based), its text and its destination. */
    record Link(int line, String text, String destination) {
    }

    /** A line's text: where it is, and whether it lies in fenced code. */
    record Line(int number, String text, boolean code) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    /** Lines that cannot be the text of a setext heading: list items, quotes, tables, HTML. */
    private static final Pattern NOT_PARAGRAPH = Pattern.compile("^ {0,3}([-*+>|<]|\\d+[.)])");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern INLINE_LINK = Pattern.compile(
            "!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*(<[^>]*>|[^)\\s]*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HTML_LINK = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("(?i)<a\\s[^>]*\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");
    private static final Pattern EMPHASIS_UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");
    /** GitHub keeps letters, marks, digits, connector punctuation (the underscore), hyphens and spaces. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- ]");

    private final List<Line> lines;
    private final List<Link> links;
    private final Set<String> anchors;

    private MarkdownDoc(List<Line> lines, List<Link> links, Set<String> anchors) {
        this.lines = lines;
        this.links = links;
        this.anchors = anchors;
    }

    static MarkdownDoc parse(String markdown) {
        List<Line> lines = classify(markdown);
        return new MarkdownDoc(lines, findLinks(lines), findAnchors(lines));
    }

    List<Line> lines() {
        return lines;
    }

    List<Link> links() {
        return links;
    }

    /** Every anchor a link may name in this file: heading anchors as GitHub makes them, and HTML ids. */
    Set<String> anchors() {
        return anchors;
    }

    private static List<Line> classify(String markdown) {
        List<Line> out = new ArrayList<>();
        String[] raw = markdown.split("\\R", -1);
        String fence = null;
        for (int i = 0; i < raw.length; i++) {
            Matcher m = FENCE.matcher(raw[i]);
            if (fence == null && m.find()) {
                fence = m.group(1);
                out.add(new Line(i + 1, raw[i], true));
            } else if (fence != null) {
                // A fence closes on a run of the same character at least as long, with nothing after it.
                char mark = fence.charAt(0);
                String t = raw[i].strip();
                if (m.find() && m.group(1).charAt(0) == mark && m.group(1).length() >= fence.length()
                        && t.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                out.add(new Line(i + 1, raw[i], true));
            } else {
                out.add(new Line(i + 1, raw[i], false));
            }
        }
        return out;
    }

    private static List<Link> findLinks(List<Line> lines) {
        List<Link> out = new ArrayList<>();
        for (Line line : lines) {
            if (line.code()) {
                continue;
            }
            String text = CODE_SPAN.matcher(line.text()).replaceAll("code");
            Matcher def = REFERENCE_DEFINITION.matcher(text);
            if (def.find()) {
                out.add(new Link(line.number(), def.group(1), unbracket(def.group(2))));
                continue;
            }
            Matcher m = INLINE_LINK.matcher(text);
            while (m.find()) {
                out.add(new Link(line.number(), m.group(1), unbracket(m.group(2))));
            }
            Matcher html = HTML_LINK.matcher(text);
            while (html.find()) {
                out.add(new Link(line.number(), "", html.group(1)));
            }
        }
        return out;
    }

    private static String unbracket(String destination) {
        return destination.startsWith("<") && destination.endsWith(">")
                ? destination.substring(1, destination.length() - 1) : destination;
    }

    private static Set<String> findAnchors(List<Line> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.code()) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line.text());
            while (html.find()) {
                anchors.add(html.group(1));
            }
            String heading = headingText(lines, i);
            if (heading != null) {
                String slug = slug(heading);
                // GitHub numbers repeated headings: the second "Kubernetes" is #kubernetes-1.
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    /** The heading text on line i, or null when line i is no heading. */
    private static String headingText(List<Line> lines, int i) {
        String text = lines.get(i).text();
        Matcher atx = ATX.matcher(text);
        if (atx.matches()) {
            return atx.group(2) == null ? "" : atx.group(2);
        }
        if (i + 1 < lines.size() && !lines.get(i + 1).code() && !text.isBlank()
                && SETEXT_UNDERLINE.matcher(lines.get(i + 1).text()).matches()
                && !NOT_PARAGRAPH.matcher(text).find() && !ATX.matcher(text).matches()
                && (i == 0 || lines.get(i - 1).text().isBlank() || lines.get(i - 1).code())) {
            return text.strip();
        }
        return null;
    }

    /**
     * GitHub's anchor for a heading: the rendered text (markup removed, code kept) lower-cased, every
     * character but letters, digits, '_', '-' and spaces dropped, each space turned into '-'.
     */
    static String slug(String heading) {
        StringBuilder rendered = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(heading);
        int at = 0;
        while (code.find()) {
            rendered.append(renderProse(heading.substring(at, code.start()))).append(code.group(2).strip());
            at = code.end();
        }
        rendered.append(renderProse(heading.substring(at)));
        String lower = rendered.toString().strip().toLowerCase(java.util.Locale.ROOT);
        return NOT_IN_ANCHOR.matcher(lower).replaceAll("").replace(' ', '-');
    }

    private static String renderProse(String prose) {
        String s = INLINE_LINK.matcher(prose).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = HTML_TAG.matcher(s).replaceAll("");
        s = s.replaceAll("&[A-Za-z0-9#]+;", "");
        s = s.replaceAll("\\\\(\\p{Punct})", "$1");
        s = s.replace("*", "").replace("~~", "");
        return EMPHASIS_UNDERSCORE.matcher(s).replaceAll("");
    }
}
