package dev.paperboy.core.command;

import dev.paperboy.core.Digest;
import dev.paperboy.core.Library;
import dev.paperboy.core.LiveLibrary;
import java.util.List;
import java.util.Optional;

/** {@code /latest [topic]}: the newest digest of a topic, or the newest day's digests of all topics. */
final class LatestCommand implements Command {

    private final LiveLibrary library;

    LatestCommand(LiveLibrary library) {
        this.library = library;
    }

    @Override
    public String name() {
        return "latest";
    }

    @Override
    public String description() {
        return "The newest digest, of one topic or of all";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("topic", "A topic, e.g. Vision Transformer (see /topics)", false,
                CommandOption.Kind.TOPIC));
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        Library snapshot = library.current();
        if (snapshot.digests().isEmpty()) {
            return TopicLookup.emptyLibrary();
        }
        String typed = request.arguments();
        if (typed.isEmpty()) {
            Digest newest = snapshot.digests().get(0);
            return new DigestReply(snapshot.digestsOn(newest.date(), null));
        }
        Optional<String> topic = snapshot.findTopic(typed);
        if (topic.isEmpty()) {
            return TopicLookup.unknownTopic(snapshot, typed);
        }
        return new DigestReply(List.of(snapshot.latest(topic.get()).orElseThrow()));
    }
}
