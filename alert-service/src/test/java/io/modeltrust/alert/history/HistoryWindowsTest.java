package io.modeltrust.alert.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.alert.rules.BatchKey;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.alert.rules.Point;
import io.modeltrust.alert.rules.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryWindowsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private static final ModelKind MK = new ModelKind("m", "drift");
    private final SeriesDictionary dict = new SeriesDictionary();
    private final List<BatchKey> fallbackCalls = new ArrayList<>();

    private VectorRow row(int hour, double share) {
        BatchKey key = new BatchKey(T0.plus(Duration.ofHours(hour)), "b" + hour);
        return new VectorRow(MK, key, 1, dict.vector(List.of(new Point(MetricPath.parse("drift.driftShare"), share))));
    }

    private HistoryWindows windows(List<VectorRow> loadedNewestFirst, int limit, List<VectorRow> database) {
        return new HistoryWindows(Map.of(MK, loadedNewestFirst), limit, Map.of(MK, dict), (mk, key, n) -> {
            fallbackCalls.add(key);
            return database.stream().filter(r -> r.key().isBefore(key))
                    .sorted((a, b) -> b.key().compareTo(a.key())).limit(n).toList();
        });
    }

    @Test
    void windowsComeFromMemoryWhenLoadedRowsCoverThem() {
        List<VectorRow> db = List.of(row(0, 0.1), row(1, 0.2), row(2, 0.3), row(3, 0.4));
        HistoryWindows w = windows(List.of(db.get(3), db.get(2), db.get(1)), 3, db);
        w.add(row(4, 0.5));
        List<Snapshot> prev = w.of(MK).previous(new BatchKey(T0.plus(Duration.ofHours(5)), "b5"), 2);
        assertEquals(List.of("b4", "b3"), prev.stream().map(s -> s.key().batchId()).toList());
        assertEquals(0.5, prev.get(0).value("drift.driftShare"));
        assertEquals(List.of(), fallbackCalls);
    }

    @Test
    void windowsBelowTheLoadedRowsGoToTheDatabase() {
        List<VectorRow> db = List.of(row(0, 0.1), row(1, 0.2), row(2, 0.3), row(3, 0.4));
        HistoryWindows w = windows(List.of(db.get(3), db.get(2)), 2, db);
        List<Snapshot> prev = w.of(MK).previous(new BatchKey(T0.plus(Duration.ofHours(2)), "b2"), 2);
        assertEquals(List.of("b1", "b0"), prev.stream().map(s -> s.key().batchId()).toList());
        assertEquals(1, fallbackCalls.size());
    }

    @Test
    void aShortHistoryIsCompleteWithoutTheDatabase() {
        List<VectorRow> db = List.of(row(0, 0.1));
        HistoryWindows w = windows(List.of(db.get(0)), 5, db);
        assertEquals(1, w.of(MK).previous(new BatchKey(T0.plus(Duration.ofHours(1)), "b1"), 3).size());
        assertEquals(List.of(), fallbackCalls);
    }
}
