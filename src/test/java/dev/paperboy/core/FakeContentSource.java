package dev.paperboy.core;

import java.util.List;

/** A content source whose next load is set by the test. */
public final class FakeContentSource implements ContentSource {

    private volatile ContentLoad next = new ContentLoad(List.of(), List.of(), List.of());
    private volatile int loads;

    public void willLoad(List<Digest> digests) {
        next = new ContentLoad(digests, List.of(), List.of());
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
