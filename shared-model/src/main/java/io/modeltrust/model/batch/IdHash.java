package io.modeltrust.model.batch;

/**
 * How ids are matched when delayed labels arrive: every service that joins labels to predictions
 * uses this one hash, so an id hashes the same everywhere.
 *
 * 64-bit FNV-1a over UTF-16 chars, mixed: ids are matched by hash, collisions are ~n²/2^65. */
public final class IdHash {

    private IdHash() {
    }

    public static long of(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
