package dev.paperboy.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of all digests and papers. Readers hold one snapshot for the whole of a
 * request, so a reload never shows them a half-loaded state. The papers of digests are held; loose papers
 * (bulk dumps, which may be a million) are not: the snapshot keeps their {@link PaperPrints} and reads them
 * again through {@link #loosePapers()}, and search serves them from its index.
 */
public final class Library {

    private static final Comparator<Digest> NEWEST_FIRST = Comparator.comparing(Digest::date).reversed()
            .thenComparing(d -> Topics.normalise(d.topic()));

    private final List<Digest> digests;
    private final Map<String, LibraryPaper> papers;
    private final Map<String, List<LibraryPaper>> byTitle;
    private final Map<String, String> topicNames;
    private final LoosePapers loosePapers;
    private final PaperPrints prints;
    private final String contentVersion;

    private Library(List<Digest> digests, Map<String, LibraryPaper> papers, Map<String, List<LibraryPaper>> byTitle,
                    Map<String, String> topicNames, LoosePapers loosePapers, PaperPrints prints,
                    String contentVersion) {
        this.digests = digests;
        this.papers = papers;
        this.byTitle = byTitle;
        this.topicNames = topicNames;
        this.loosePapers = loosePapers;
        this.prints = prints;
        this.contentVersion = contentVersion;
    }

    public static Library empty() {
        return of(List.of(), List.of());
    }

    /** A snapshot of loose papers held in memory: see {@link #of(List, LoosePapers)}. */
    public static Library of(List<Digest> digests, List<Paper> loosePapers) {
        return of(digests, LoosePapers.of(loosePapers));
    }

    /**
     * Builds a snapshot. A paper listed by several digests appears once, with all their topics; its
     * content is taken from the newest digest that lists it. A loose paper whose key a digest lists is the
     * digest's paper.
     */
    public static Library of(List<Digest> digests, LoosePapers loosePapers) {
        List<Digest> sorted = new ArrayList<>(digests);
        sorted.sort(NEWEST_FIRST);
        Map<String, String> topicNames = new TreeMap<>();
        Map<String, Paper> content = new LinkedHashMap<>();
        Map<String, List<String>> topics = new LinkedHashMap<>();
        Map<String, LocalDate> firstSeen = new LinkedHashMap<>();
        for (Digest digest : sorted) {
            topicNames.putIfAbsent(Topics.normalise(digest.topic()), digest.topic());
            for (Paper paper : digest.papers()) {
                String key = paper.key();
                content.putIfAbsent(key, paper);
                List<String> paperTopics = topics.computeIfAbsent(key, k -> new ArrayList<>());
                if (!paperTopics.contains(digest.topic())) {
                    paperTopics.add(digest.topic());
                }
                firstSeen.merge(key, digest.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, LibraryPaper> papers = new LinkedHashMap<>();
        Map<String, List<LibraryPaper>> byTitle = new HashMap<>();
        PaperPrints.Builder prints = new PaperPrints.Builder();
        content.forEach((key, paper) -> {
            LibraryPaper served = new LibraryPaper(paper, topics.get(key), firstSeen.getOrDefault(key, paper.published()));
            papers.put(key, served);
            byTitle.computeIfAbsent(Paper.normaliseTitle(paper.title()), t -> new ArrayList<>(1)).add(served);
            prints.add(served);
        });
        byTitle.replaceAll((title, same) -> List.copyOf(same));
        return new Library(List.copyOf(sorted), Collections.unmodifiableMap(papers), Collections.unmodifiableMap(byTitle),
                Collections.unmodifiableMap(topicNames), loosePapers, prints.build().over(loosePapers.prints()), null);
    }

    /** This snapshot, marked as read from content of this {@link ContentSource#version()} (null: unknown). */
    public Library withContentVersion(String version) {
        return new Library(digests, papers, byTitle, topicNames, loosePapers, prints, version);
    }

    /** The {@link ContentSource#version()} of the content this snapshot was read from, when known. */
    public Optional<String> contentVersion() {
        return Optional.ofNullable(contentVersion);
    }

    /** All digests, newest first. */
    public List<Digest> digests() {
        return digests;
    }

    /** The distinct papers of the digests, newest digest first. */
    public Collection<LibraryPaper> digestPapers() {
        return papers.values();
    }

    /** The papers of no digest, read again on demand; those whose key a digest lists are served as the digest's. */
    public LoosePapers loosePapers() {
        return loosePapers;
    }

    /** Every distinct paper, of digests and loose, as key hashes and fingerprints. */
    public PaperPrints prints() {
        return prints;
    }

    /** How many distinct papers, of digests and loose. */
    public int paperCount() {
        return prints.size();
    }

    /**
     * The newest day of any paper, of digests and loose, or null when none has one. (A loose paper's published
     * day counts even where a digest lists the paper: the snapshot cannot tell without reading the dump.)
     */
    public LocalDate newestDate() {
        LocalDate newest = loosePapers.newest();
        for (LibraryPaper paper : papers.values()) {
            if (paper.date() != null && (newest == null || paper.date().isAfter(newest))) {
                newest = paper.date();
            }
        }
        return newest;
    }

    /** The topic as the content spells it, when a topic of that name (any case) exists. */
    public Optional<String> findTopic(String name) {
        return Optional.ofNullable(topicNames.get(Topics.normalise(name)));
    }

    /** Every topic name as the content spells it, alphabetically; cheaper than {@link #topics()}. */
    public List<String> topicNames() {
        return List.copyOf(topicNames.values());
    }

    /** Every topic with its counts, alphabetically. */
    public List<TopicSummary> topics() {
        List<TopicSummary> result = new ArrayList<>();
        for (String name : topicNames.values()) {
            List<Digest> ofTopic = digestsOf(name);
            int paperCount = (int) ofTopic.stream().flatMap(d -> d.papers().stream()).map(Paper::key).distinct().count();
            result.add(new TopicSummary(name, ofTopic.size(), paperCount, ofTopic.get(0).date()));
        }
        return result;
    }

    /** The digests of one topic, newest first. */
    public List<Digest> digestsOf(String topic) {
        String wanted = Topics.normalise(topic);
        return digests.stream().filter(d -> Topics.normalise(d.topic()).equals(wanted)).toList();
    }

    /** The newest digest of the topic, or of any topic when {@code topic} is null. */
    public Optional<Digest> latest(String topic) {
        return topic == null ? digests.stream().findFirst() : digestsOf(topic).stream().findFirst();
    }

    /** The digests of that day, of one topic or of all when {@code topic} is null. */
    public List<Digest> digestsOn(LocalDate date, String topic) {
        return digests.stream()
                .filter(d -> d.date().equals(date))
                .filter(d -> topic == null || Topics.normalise(d.topic()).equals(Topics.normalise(topic)))
                .toList();
    }

    /** The paper with that arXiv id (any version or form), if a digest lists it; loose papers are the index's. */
    public Optional<LibraryPaper> findById(String arxivId) {
        return ArxivIds.normalise(arxivId).map(id -> papers.get("arxiv:" + id));
    }

    /** The paper with that identity key ({@link Paper#key()}), if a digest lists it. */
    public Optional<LibraryPaper> findByKey(String key) {
        return Optional.ofNullable(papers.get(key));
    }

    /**
     * The digests' papers with that title (compared {@link Paper#normaliseTitle normalised}), with an id or without,
     * in the order the library holds them; two papers may share a title.
     */
    public List<LibraryPaper> findByTitle(String title) {
        return byTitle.getOrDefault(Paper.normaliseTitle(title), List.of());
    }

    /** What differs from an older snapshot, for the reload report. */
    public LibraryChanges changesSince(Library older) {
        Map<String, Digest> before = byKey(older.digests);
        Map<String, Digest> after = byKey(digests);
        int digestsAdded = 0;
        int digestsChanged = 0;
        for (Map.Entry<String, Digest> e : after.entrySet()) {
            Digest old = before.get(e.getKey());
            if (old == null) {
                digestsAdded++;
            } else if (!old.papers().equals(e.getValue().papers())) {
                digestsChanged++;
            }
        }
        int digestsRemoved = (int) before.keySet().stream().filter(k -> !after.containsKey(k)).count();
        int papersAdded = 0;
        int papersChanged = 0;
        for (int i = 0; i < prints.size(); i++) {
            int old = older.prints.indexOf(prints.keyHash(i));
            if (old < 0) {
                papersAdded++;
            } else if (older.prints.fingerprint(old) != prints.fingerprint(i)) {
                papersChanged++;
            }
        }
        int papersRemoved = older.prints.size() - (prints.size() - papersAdded);
        return new LibraryChanges(digestsAdded, digestsRemoved, digestsChanged, papersAdded, papersRemoved,
                papersChanged);
    }

    private static Map<String, Digest> byKey(List<Digest> digests) {
        Map<String, Digest> map = new LinkedHashMap<>();
        digests.forEach(d -> map.put(d.key(), d));
        return map;
    }
}
