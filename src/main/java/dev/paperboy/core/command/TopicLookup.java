package dev.paperboy.core.command;

import dev.paperboy.core.Library;
import java.util.List;
import java.util.Optional;

/** Resolves a topic a user typed, or explains which topics exist. */
final class TopicLookup {

    private TopicLookup() {
    }

    /** The error for a topic the library does not have, with a suggestion when one is close. */
    static ErrorReply unknownTopic(Library library, String typed) {
        List<String> names = library.topicNames();
        if (names.isEmpty()) {
            return emptyLibrary();
        }
        String shown = TypedText.shown(typed, 60);
        Optional<String> close = Suggestions.closest(typed, names);
        return new ErrorReply("There is no topic \"" + shown + "\"."
                + close.map(c -> " Did you mean \"" + c + "\"?").orElse("")
                + " Type /topics to see all " + names.size() + " topics.");
    }

    static ErrorReply emptyLibrary() {
        return new ErrorReply("The library has no digests yet. An admin can add content files and run /reload.");
    }
}
