package dev.paperboy.content;

import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.LoosePapers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content as a directory of files: every {@code *.txt} (seed text format), {@code *.json} (digests)
 * and {@code *.jsonl} / {@code *.jsonl.gz} (paper dumps) under it, read recursively in path order.
 * Hidden files and directories and {@code README.*} files are skipped; other files are ignored. Files
 * are named relative to the directory, with forward slashes. Never throws for bad content.
 */
public final class ContentDirectory implements ContentSource {

    private static final Logger LOG = LoggerFactory.getLogger(ContentDirectory.class);

    private final Path directory;
    private final SeedTextParser text;
    private final JsonDigestFormat json;
    private final JsonlPaperFormat jsonl;
    /**
     * Dumps as last read without a problem, by name, with the file's identity then: a dump whose identity is
     * unchanged is not read again. A dump may hold a million papers; a reload after an edit to a digest need
     * not read it. A dump with problems is always read again: the fix (a chmod, say) may not change the identity.
     */
    private final Map<String, ReadDump> readDumps = new ConcurrentHashMap<>();

    /** A dump's load and the {@link #identity} of its file just before it was read. */
    private record ReadDump(String identity, ContentLoad load) {
    }

    public ContentDirectory(Path directory) {
        this(directory, new SeedTextParser(), new JsonDigestFormat(), new JsonlPaperFormat());
    }

    public ContentDirectory(Path directory, SeedTextParser text, JsonDigestFormat json, JsonlPaperFormat jsonl) {
        this.directory = directory;
        this.text = text;
        this.json = json;
        this.jsonl = jsonl;
    }

    @Override
    public ContentLoad load() {
        List<Digest> digests = new ArrayList<>();
        LoosePapers loosePapers = LoosePapers.none();
        List<ContentProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            String message = Files.exists(directory)
                    ? "the content directory " + directory + " is a file, not a directory: point content-dir in"
                    + " config/paperboy.yml at a directory"
                    : "content directory " + directory + " does not exist: create it or set content-dir in"
                    + " config/paperboy.yml";
            problems.add(new ContentProblem(directory.toString(), 0, message));
            return new ContentLoad(digests, loosePapers, problems);
        }
        List<Path> files = files(problems);
        // before reading: a file that changes while it is read makes the next version differ
        String version = problems.isEmpty() ? versionOf(files).orElse(null) : null;
        readDumps.keySet().retainAll(files.stream().map(this::relativeName).toList());
        for (Path file : files) {
            String name = relativeName(file);
            ContentLoad one = loadFile(name, file);
            digests.addAll(one.digests());
            loosePapers = loosePapers.then(one.loosePapers());
            problems.addAll(one.problems());
        }
        problems.addAll(duplicateDigests(digests));
        return new ContentLoad(digests, loosePapers, problems, version);
    }

    /**
     * Takes a dump that this process has just written into the directory as read, from the summary of the papers
     * it wrote there: the next load does not read the file while it is unchanged. An import summarises each paper
     * as it writes it, so that a large dump is not read once more only to be checked. The caller vouches that the
     * file, with these attributes as it was written, holds exactly those papers, each of which reads back as it
     * was and passes the dump reader's checks.
     */
    public void wrote(Path file, BasicFileAttributes asWritten, LoosePapers.Builder papers) {
        if (!file.startsWith(directory)) {
            throw new IllegalArgumentException(file + " is not in the content directory " + directory);
        }
        String name = relativeName(file);
        readDumps.put(name, new ReadDump(identity(asWritten), jsonl.written(name, file, papers)));
    }

    /** Hashes the name, size, modification time and identity of every content file; empty when one cannot be read. */
    @Override
    public Optional<String> version() {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<ContentProblem> problems = new ArrayList<>();
        List<Path> files = files(problems);
        return problems.isEmpty() ? versionOf(files) : Optional.empty();
    }

    private Optional<String> versionOf(List<Path> files) {
        MessageDigest digest = sha256();
        for (Path file : files) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return Optional.empty();
            }
            String line = relativeName(file) + '\0' + identity(attributes) + '\n';
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest(), 0, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The directory read. */
    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public String toString() {
        return "ContentDirectory[" + directory + "]";
    }

    /** What tells two versions of a file apart without reading it: size, modification time, file identity. */
    private static String identity(BasicFileAttributes attributes) {
        return attributes.size() + "\0" + attributes.lastModifiedTime().toInstant() + '\0' + attributes.fileKey();
    }

    private ContentLoad loadFile(String name, Path file) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (WholeFileLimit.isDump(name)) {
            return loadDump(name, file);
        }
        byte[] bytes;
        try {
            Optional<String> tooLarge = WholeFileLimit.problem(Files.size(file));
            if (tooLarge.isPresent()) {
                return failed(name, 0, tooLarge.get());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(name, 0, "cannot read the file: " + IoReasons.of(e));
        }
        String decoded;
        try {
            decoded = utf8(bytes);
        } catch (NotUtf8 e) {
            return failed(name, e.line, "not valid UTF-8: save the file as UTF-8");
        }
        return lower.endsWith(".json") ? json.parse(name, decoded) : text.parse(name, decoded);
    }

    /** A dump as read before when its file is unchanged, else read now (its identity taken first). */
    private ContentLoad loadDump(String name, Path file) {
        String identity;
        try {
            identity = identity(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            readDumps.remove(name);
            return jsonl.load(name, file);
        }
        ReadDump before = readDumps.get(name);
        if (before != null && before.identity().equals(identity)) {
            return before.load();
        }
        ContentLoad load = jsonl.load(name, file);
        if (load.ok()) {
            readDumps.put(name, new ReadDump(identity, load));
        } else {
            readDumps.remove(name);
        }
        return load;
    }

    private static ContentLoad failed(String name, int line, String message) {
        return new ContentLoad(List.of(), LoosePapers.none(), List.of(new ContentProblem(name, line, message)));
    }

    /** The content files, sorted by their relative name so that loads are repeatable. */
    private List<Path> files(List<ContentProblem> problems) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(directory) && isHidden(dir)) {
                        LOG.debug("Skipping hidden directory {}", dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isContent(file)) {
                        files.add(file);
                    } else {
                        LOG.debug("Ignoring {}: not a content file (*.txt, *.json, *.jsonl, *.jsonl.gz)", file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new ContentProblem(relativeName(file), 0, "cannot read: " + IoReasons.of(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new ContentProblem(directory.toString(), 0, "cannot list the content directory: " + IoReasons.of(e)));
        }
        files.sort(Comparator.comparing(this::relativeName));
        return files;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static boolean isContent(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.startsWith("readme.")) {
            return false;
        }
        return name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".jsonl")
                || name.endsWith(".jsonl.gz");
    }

    private String relativeName(Path file) {
        String name = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        return name.isEmpty() ? directory.toString() : name;
    }

    /** The same topic and day defined twice would make "the digest of that day" ambiguous. */
    private static List<ContentProblem> duplicateDigests(List<Digest> digests) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, DigestSource> seen = new HashMap<>();
        for (Digest digest : digests) {
            DigestSource first = seen.putIfAbsent(digest.key(), digest.source());
            if (first != null) {
                problems.add(new ContentProblem(digest.source().file(), digest.source().line(),
                        "digest \"" + digest.topic() + "\" " + digest.date() + " is already defined at "
                                + first.where() + "; remove one of them or change its topic or date"));
            }
        }
        return problems;
    }

    private static String utf8(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8(lineAt(bytes, in.position()));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new NotUtf8(lineAt(bytes, bytes.length));
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The bytes of a file are not UTF-8, first going wrong on {@code line}. */
    private static final class NotUtf8 extends Exception {
        private final int line;

        NotUtf8(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
