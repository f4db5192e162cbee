package dev.paperboy.content;

import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.LoosePapers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Several content sources read as one, for example the content directory plus the digests fetched from
 * arXiv. Each part may carry a prefix that is put before its file names, so a problem or a digest names
 * which source it came from. A topic and day defined in two parts is a problem, as within one directory.
 */
public final class CompositeContentSource implements ContentSource {

    private final List<Part> parts;

    /**
     * One source and the prefix of its file names ({@code ""} for none, else for example {@code "data/arxiv/"}).
     */
    public record Part(String prefix, ContentSource source) {
        public Part {
            prefix = Objects.requireNonNullElse(prefix, "");
            Objects.requireNonNull(source, "source");
        }
    }

    public CompositeContentSource(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite needs at least one source");
        }
        this.parts = List.copyOf(parts);
    }

    @Override
    public ContentLoad load() {
        List<Digest> digests = new ArrayList<>();
        LoosePapers loosePapers = LoosePapers.none();
        List<ContentProblem> problems = new ArrayList<>();
        List<Integer> partOf = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            ContentLoad load = part.source().load();
            versions.add(load.version());
            for (Digest digest : load.digests()) {
                digests.add(prefixed(part.prefix(), digest));
                partOf.add(i);
            }
            loosePapers = loosePapers.then(load.loosePapers());
            load.problems().forEach(p -> problems.add(
                    new ContentProblem(part.prefix() + p.file(), p.line(), p.message())));
        }
        problems.addAll(duplicatesAcrossParts(digests, partOf));
        return new ContentLoad(digests, loosePapers, problems, combined(versions).orElse(null));
    }

    /** The parts' versions together; empty when any part cannot tell its own. */
    @Override
    public Optional<String> version() {
        List<String> versions = new ArrayList<>();
        for (Part part : parts) {
            versions.add(part.source().version().orElse(null));
        }
        return combined(versions);
    }

    private Optional<String> combined(List<String> versions) {
        StringBuilder combined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (versions.get(i) == null) {
                return Optional.empty();
            }
            combined.append(i == 0 ? "" : " ").append(parts.get(i).prefix()).append('=').append(versions.get(i));
        }
        return Optional.of(combined.toString());
    }

    @Override
    public String describe() {
        return parts.stream().map(p -> p.source().describe()).collect(Collectors.joining(" + "));
    }

    @Override
    public String toString() {
        return "CompositeContentSource[" + describe() + "]";
    }

    private static Digest prefixed(String prefix, Digest digest) {
        if (prefix.isEmpty()) {
            return digest;
        }
        DigestSource source = digest.source();
        return new Digest(digest.topic(), digest.date(), digest.papers(),
                new DigestSource(prefix + source.file(), source.line(), source.attribution()));
    }

    /** Duplicates within one part were reported by that part; only report those that span two. */
    private static List<ContentProblem> duplicatesAcrossParts(List<Digest> digests, List<Integer> partOf) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < digests.size(); i++) {
            Digest digest = digests.get(i);
            Integer first = seen.putIfAbsent(digest.key(), i);
            if (first != null && !partOf.get(first).equals(partOf.get(i))) {
                problems.add(new ContentProblem(digest.source().file(), digest.source().line(),
                        "digest \"" + digest.topic() + "\" " + digest.date() + " is already defined at "
                                + digests.get(first).source().where() + "; rename one of the topics"));
            }
        }
        return problems;
    }
}
