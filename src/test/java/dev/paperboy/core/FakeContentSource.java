package dev.paperboy.core;

import java.util.List;

/** A content source whose next load is set by the test. */
public final class FakeContentSource implements ContentSource {

    private volatile ContentLoad next = new ContentLoad(List.of(), List.of(), List.of());
    private volatile int loads;

    public void willLoad(List<Digest> digests) {
        willLoad(digests, List.of());
    }

    /** The next load has these digests and these papers of no digest (as from a dump). */
    public void willLoad(List<Digest> digests, List<Paper> loosePapers) {
        next = new ContentLoad(digests, loosePapers, List.of());
    }

    public void willFail(ContentProblem... problems) {
        next = new ContentLoad(List.of(), List.of(), List.of(problems));
    }

    public int loads() {
        return loads;
    }

    @Override
    public ContentLoad load() {
        loads++;
        return next;
    }

    @Override
    public String describe() {
        return "fake content";
    }
}
