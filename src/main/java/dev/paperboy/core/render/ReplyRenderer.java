package dev.paperboy.core.render;

import dev.paperboy.core.Digest;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.DigestReply;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.PaperReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.command.TextReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns every kind of {@link Reply} into one platform's messages, in sending order. The dispatch over
 * reply kinds lives here once, so a new kind of reply is one new method for each platform.
 *
 * @param <M> the platform's message type
 */
public interface ReplyRenderer<M> {

    /** The messages that answer a command, in sending order. */
    default List<M> render(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        if (reply instanceof TextReply text) {
            return renderText(text);
        } else if (reply instanceof ErrorReply error) {
            return renderError(error);
        } else if (reply instanceof DigestReply digests) {
            return digests.digests().stream().flatMap(d -> renderDigest(d).stream()).toList();
        } else if (reply instanceof SearchReply search) {
            return renderSearch(search.page());
        } else if (reply instanceof PaperReply paper) {
            List<M> messages = new ArrayList<>();
            paper.sameTitleNote().ifPresent(note -> messages.addAll(renderText(note)));
            paper.papers().forEach(each -> messages.addAll(renderPaper(each)));
            return messages;
        }
        throw new IllegalStateException("unknown reply " + reply.getClass().getName());
    }

    List<M> renderText(TextReply text);

    List<M> renderError(ErrorReply error);

    List<M> renderDigest(Digest digest);

    List<M> renderSearch(SearchPage page);

    List<M> renderPaper(LibraryPaper paper);
}
