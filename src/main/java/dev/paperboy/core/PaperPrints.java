package dev.paperboy.core;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What a library keeps of papers it does not hold: each distinct paper's {@link PaperHashes#key key hash}
 * with its {@link PaperHashes#fingerprint fingerprint}, sorted by key hash, 16 bytes a paper. Enough to count
 * papers, to tell what changed between two snapshots, and to tell an index which papers it must write.
 */
public final class PaperPrints {

    private static final PaperPrints NONE = new PaperPrints(new long[0], new long[0]);

    private final long[] keys;
    private final long[] prints;

    private PaperPrints(long[] keys, long[] prints) {
        this.keys = keys;
        this.prints = prints;
    }

    public static PaperPrints none() {
        return NONE;
    }

    /** How many distinct papers. */
    public int size() {
        return keys.length;
    }

    /** Where the paper of this key hash is, from 0 to {@link #size()}; negative when there is none. */
    public int indexOf(long keyHash) {
        int at = Arrays.binarySearch(keys, keyHash);
        return at < 0 ? -1 : at;
    }

    public long keyHash(int index) {
        return keys[index];
    }

    public long fingerprint(int index) {
        return prints[index];
    }

    /** These papers, and those of {@code under} whose key none of these has: {@code this} shadows {@code under}. */
    public PaperPrints over(PaperPrints under) {
        if (under.size() == 0) {
            return this;
        }
        if (size() == 0) {
            return under;
        }
        long[] mergedKeys = new long[keys.length + under.keys.length];
        long[] mergedPrints = new long[mergedKeys.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < keys.length || j < under.keys.length) {
            boolean mine = j == under.keys.length || (i < keys.length && keys[i] <= under.keys[j]);
            if (mine) {
                if (j < under.keys.length && under.keys[j] == keys[i]) {
                    j++;
                }
                mergedKeys[n] = keys[i];
                mergedPrints[n++] = prints[i++];
            } else {
                mergedKeys[n] = under.keys[j];
                mergedPrints[n++] = under.prints[j++];
            }
        }
        return new PaperPrints(Arrays.copyOf(mergedKeys, n), Arrays.copyOf(mergedPrints, n));
    }

    /** Collects key hashes and fingerprints in content order; of a key seen twice, the first counts. */
    public static final class Builder {
        private long[] keys = new long[64];
        private long[] prints = new long[64];
        private int size;

        public Builder add(LibraryPaper paper) {
            return add(PaperHashes.key(paper.key()), PaperHashes.fingerprint(paper));
        }

        public Builder add(long keyHash, long fingerprint) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                prints = Arrays.copyOf(prints, size * 2);
            }
            keys[size] = keyHash;
            prints[size++] = fingerprint;
            return this;
        }

        /** How many papers were added so far, copies included. */
        public int added() {
            return size;
        }

        public PaperPrints build() {
            if (size == 0) {
                return NONE;
            }
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            long[] uniqueKeys = Arrays.copyOf(sorted, distinct);
            long[] firstPrints = new long[distinct];
            BitSet taken = new BitSet(distinct);
            for (int i = 0; i < size; i++) {
                int at = Arrays.binarySearch(uniqueKeys, keys[i]);
                if (!taken.get(at)) {
                    taken.set(at);
                    firstPrints[at] = prints[i];
                }
            }
            return new PaperPrints(uniqueKeys, firstPrints);
        }
    }
}
