package dev.paperboy.core.command;

import dev.paperboy.core.Library;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.TopicSummary;
import java.util.List;

/** {@code /topics}: every topic with how many digests and papers it has. */
final class TopicsCommand implements Command {

    private final LiveLibrary library;

    TopicsCommand(LiveLibrary library) {
        this.library = library;
    }

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public String description() {
        return "All topics, with their newest digest";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        Library snapshot = library.current();
        List<TopicSummary> topics = snapshot.topics();
        if (topics.isEmpty()) {
            return TopicLookup.emptyLibrary();
        }
        List<String> lines = topics.stream()
                .map(t -> t.name() + " — " + t.digests() + (t.digests() == 1 ? " digest, " : " digests, ")
                        + t.papers() + (t.papers() == 1 ? " paper" : " papers") + ", newest " + t.latest())
                .toList();
        return new TextReply(topics.size() + (topics.size() == 1 ? " topic" : " topics")
                + " (try /latest <topic>)", lines);
    }
}
