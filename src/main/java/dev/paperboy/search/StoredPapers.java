package dev.paperboy.search;

import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * A library paper as the index stores it, so that a process can answer searches from the index alone,
 * before (or without) reading the content: every field of the paper, its topics and its day, in a compact
 * binary form (Lucene's own strings and variable-length integers), versioned by {@link #VERSION}, each paper
 * compressed on its own with LZ4. It is kept as binary doc values, not as a stored field: a stored field is
 * compressed in blocks of many papers, so reading one paper decompresses its neighbours too (about 40 µs a
 * paper at a million papers, against about 5 µs for one paper of its own; 1.3 KB a paper against 1.0).
 */
final class StoredPapers {

    /** The layout below; a stored paper of another layout is not read (the index format changes with it). */
    private static final byte VERSION = 1;
    private static final long NO_DAY = Long.MIN_VALUE;

    private StoredPapers() {
    }

    static BytesRef encode(LibraryPaper libraryPaper) {
        Paper paper = libraryPaper.paper();
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(VERSION);
            writeNullable(out, paper.arxivId());
            out.writeVInt(paper.version());
            out.writeString(paper.title());
            writeList(out, paper.authors());
            out.writeString(paper.abstractText());
            out.writeString(paper.comment());
            writeList(out, paper.categories());
            writeDay(out, paper.published());
            writeDay(out, paper.updated());
            writeList(out, paper.links());
            writeList(out, libraryPaper.topics());
            writeDay(out, libraryPaper.date());
            byte[] plain = out.toArrayCopy();
            ByteBuffersDataOutput compressed = new ByteBuffersDataOutput();
            compressed.writeVInt(plain.length);
            LZ4.compress(plain, 0, plain.length, compressed, new LZ4.FastCompressionHashTable());
            return new BytesRef(compressed.toArrayCopy());
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a paper in memory", e);
        }
    }

    static LibraryPaper decode(BytesRef bytes) {
        try {
            ByteArrayDataInput compressed = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
            byte[] plain = new byte[compressed.readVInt()];
            LZ4.decompress(compressed, plain.length, plain, 0);
            return read(new ByteArrayDataInput(plain));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a stored paper that cannot be read: rebuild the index (delete it)", e);
        }
    }

    private static LibraryPaper read(ByteArrayDataInput in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("a stored paper of layout " + version + ", expected " + VERSION);
        }
        String arxivId = readNullable(in);
        int paperVersion = in.readVInt();
        String title = in.readString();
        List<String> authors = readList(in);
        String abstractText = in.readString();
        String comment = in.readString();
        List<String> categories = readList(in);
        LocalDate published = readDay(in);
        LocalDate updated = readDay(in);
        List<String> links = readList(in);
        List<String> topics = readList(in);
        LocalDate date = readDay(in);
        return new LibraryPaper(new Paper(arxivId, paperVersion, title, authors, abstractText, comment, categories,
                published, updated, links), topics, date);
    }

    private static void writeNullable(ByteBuffersDataOutput out, String value) throws IOException {
        out.writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            out.writeString(value);
        }
    }

    private static String readNullable(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }

    private static void writeList(ByteBuffersDataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    private static List<String> readList(ByteArrayDataInput in) throws IOException {
        int size = in.readVInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readString());
        }
        return values;
    }

    private static void writeDay(ByteBuffersDataOutput out, LocalDate day) throws IOException {
        out.writeZLong(day == null ? NO_DAY : day.toEpochDay());
    }

    private static LocalDate readDay(ByteArrayDataInput in) throws IOException {
        long day = in.readZLong();
        return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
    }
}
