package io.modeltrust.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the links of every markdown file in a checkout as a newcomer reading it on GitHub would follow
 * them: a relative link must name a file of the repository (not of the machine it was written on), an
 * anchor must name a heading of that file, and nothing may send the reader to a folder beside the
 * checkout. Web links are allowed and collected so that they can be listed.
 */
final class LinkCheck {

    /** What the check found: problems (empty when the documents are sound) and the web links seen. */
    record Report(List<String> problems, List<String> webLinks, int files) {
    }

    /** Folders that are build output, local runs or tool state: not documents of the repository. */
    private static final Set<String> NOT_DOCUMENTS = Set.of("target", "node_modules", "bench-results", "backups");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /**
     * Text that sends the reader to what only the authors' machine has: its /work/shared folder, or the
     * contract and metrics documents kept there (the repository's own are docs/api.md and docs/metrics.md).
     * Naming ../shared/data as where the optional UCI data sets may lie is fine; linking there is not.
     */
    private static final Pattern OUTSIDE_REFERENCE = Pattern.compile(
            "/work/shared\\b|\\bCONTRACT\\.md\\b|\\bMETRICS\\.md\\b");

    private final Path root;
    private final Map<Path, MarkdownDoc> parsed = new HashMap<>();

    private LinkCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    static Report run(Path repositoryRoot) {
        return new LinkCheck(repositoryRoot).check();
    }

    /** Every markdown file under the root, outside build output and hidden folders (.git, .run, .mvn). */
    static List<Path> markdownFiles(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || NOT_DOCUMENTS.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".md") || name.endsWith(".markdown")) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    private Report check() {
        List<String> problems = new ArrayList<>();
        List<String> web = new ArrayList<>();
        List<Path> files = markdownFiles(root);
        for (Path file : files) {
            String where = root.relativize(file).toString();
            MarkdownDoc doc = doc(file);
            for (MarkdownDoc.Line line : doc.lines()) {
                Matcher m = OUTSIDE_REFERENCE.matcher(line.text());
                while (m.find()) {
                    problems.add(where + ":" + line.number() + ": '" + m.group()
                            + "' is outside the repository (a reader has only the checkout)");
                }
            }
            for (MarkdownDoc.Link link : doc.links()) {
                String problem = problem(file, link, web, where);
                if (problem != null) {
                    problems.add(where + ":" + link.line() + ": [" + link.text() + "](" + link.destination() + "): "
                            + problem);
                }
            }
        }
        return new Report(problems, web, files.size());
    }

    /** Why the link does not hold, or null when it does. */
    private String problem(Path file, MarkdownDoc.Link link, List<String> web, String where) {
        String dest = link.destination();
        if (dest.isEmpty()) {
            return "empty link";
        }
        String lower = dest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            web.add(where + ":" + link.line() + ": " + dest);
            return null;
        }
        if (SCHEME.matcher(dest).find()) {
            return "not a repository path nor a web link";
        }
        int hash = dest.indexOf('#');
        String pathPart = hash < 0 ? dest : dest.substring(0, hash);
        String anchor = hash < 0 ? null : decode(dest.substring(hash + 1));
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        pathPart = decode(pathPart);
        Path target;
        if (pathPart.isEmpty()) {
            target = file;
        } else {
            // GitHub reads a leading '/' as the repository root, not the machine's.
            Path base = pathPart.startsWith("/") ? root : file.getParent();
            target = base.resolve(pathPart.replaceFirst("^/+", "")).normalize();
        }
        if (!target.startsWith(root)) {
            return "points outside the repository";
        }
        Path inside = root.relativize(target);
        for (Path part : inside) {
            String name = part.toString();
            if (name.startsWith(".") || NOT_DOCUMENTS.contains(name)) {
                return "points into " + name + "/, which a clone does not have";
            }
        }
        if (!Files.exists(target)) {
            return "no such file in the repository";
        }
        if (anchor == null || !isMarkdown(target)) {
            // Anchors into code (#L42) are GitHub's line links: there is no heading to check.
            return null;
        }
        if (anchor.isEmpty()) {
            return "empty anchor";
        }
        if (!doc(target).anchors().contains(anchor)) {
            return "no heading with anchor #" + anchor + " in " + root.relativize(target)
                    + " (anchors are the heading lower-cased, spaces as '-', punctuation dropped)";
        }
        return null;
    }

    private MarkdownDoc doc(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            try {
                return MarkdownDoc.parse(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".md") || name.endsWith(".markdown"));
    }

    private static String decode(String s) {
        // Only percent-escapes: a '+' in a path is a plus sign, not a space.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
