package io.modeltrust.service.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public UCI data sets (Adult, German Credit) that some reference tests read. They are never copied
 * into the repository: they lie in ../shared/data beside the checkout on the machines that have them, and a
 * plain clone has not. A test that needs one skips with {@link #missing}'s message, which deploy/local/test.sh
 * counts in the surefire reports, so a clone's suite passes and says how much it could not check.
 * No JUnit here (this test-jar has none): callers pass the message to their own assumption.
 */
public final class SharedData {

    /** Every skip message starts with this; test.sh greps the reports for it. */
    public static final String SKIP_PREFIX = "skipped: needs ../shared/data/";

    private SharedData() {
    }

    /**
     * The data folder: the system property shared.data.dir when set (the parent pom sets it; -Dshared.data.dir
     * points it elsewhere, at a missing folder to see the skips), else ../shared/data beside the repository root.
     */
    public static Path dir() {
        String configured = System.getProperty("shared.data.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("service-support"))) {
            root = root.getParent();
        }
        Path base = root == null ? Path.of("").toAbsolutePath() : root;
        return base.resolve("../shared/data").normalize();
    }

    /**
     * Null when every file is in the data folder; else the skip message naming the first missing one (also
     * printed, so a console run shows why the test did nothing).
     */
    public static String missing(String dataset, String... files) {
        Path dir = dir();
        for (String file : files) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                String message = SKIP_PREFIX + file + " (" + dataset + "; not in " + dir
                        + ", -Dshared.data.dir sets the folder)";
                System.out.println(message);
                return message;
            }
        }
        return null;
    }
}
