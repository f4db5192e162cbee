package dev.paperboy.core;

import java.util.List;

/**
 * 64-bit hashes of papers that stay the same from run to run, so that an index on disk can tell which papers
 * changed without holding them: a paper's key, and a fingerprint of everything a library serves of it.
 */
public final class PaperHashes {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PaperHashes() {
    }

    /**
     * The hash of a paper's {@link Paper#key()}. Two keys share one with a chance of about one in 30 million
     * across a million papers; one of the two would then be taken for a copy of the other.
     */
    public static long key(String key) {
        return finish(mix(FNV_OFFSET, key));
    }

    /** Changes whenever anything the library serves of the paper changes: its fields, topics or day. */
    public static long fingerprint(LibraryPaper libraryPaper) {
        Paper paper = libraryPaper.paper();
        long hash = FNV_OFFSET;
        hash = mix(hash, libraryPaper.key());
        hash = mix(hash, paper.title());
        hash = mix(hash, paper.authors());
        hash = mix(hash, paper.abstractText());
        hash = mix(hash, paper.comment());
        hash = mix(hash, libraryPaper.topics());
        hash = mix(hash, paper.categories());
        hash = mix(hash, String.valueOf(paper.arxivId()));
        hash = mix(hash, String.valueOf(paper.version()));
        hash = mix(hash, String.valueOf(paper.published()));
        hash = mix(hash, String.valueOf(paper.updated()));
        hash = mix(hash, paper.links());
        return mix(hash, String.valueOf(libraryPaper.date()));
    }

    /** A list with its length first, so that values cannot move unnoticed from one list to the next. */
    private static long mix(long hash, List<String> values) {
        hash = mix(hash, String.valueOf(values.size()));
        for (String value : values) {
            hash = mix(hash, value);
        }
        return hash;
    }

    /** FNV-1a over the characters. */
    private static long mix(long hash, String value) {
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * FNV_PRIME;
        }
        // a separator, so that ("ab", "c") and ("a", "bc") differ
        return (hash ^ 0x1F) * FNV_PRIME;
    }

    /** MurmurHash3's finaliser: every bit of the input moves about half of the output's. */
    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }
}
