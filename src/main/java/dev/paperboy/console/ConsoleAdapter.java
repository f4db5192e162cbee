package dev.paperboy.console;

import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.command.TypedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The console adapter: reads commands line by line (typed at a prompt or piped in), answers them as
 * plain text, and ends at end of input or {@code /quit}. The local user is an admin.
 */
public final class ConsoleAdapter {

    private final CommandDispatcher dispatcher;
    private final ConsoleRenderer renderer;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    /** The latest search typed, whatever it found; {@code /next} and {@code /prev} page this one only. */
    private LatestSearch latest;

    /** A search request and how many pages of results it has: zero when it found nothing or failed. */
    private record LatestSearch(CommandRequest request, int pageCount) {
    }

    public ConsoleAdapter(CommandDispatcher dispatcher, ConsoleRenderer renderer, BufferedReader in, PrintStream out,
                          boolean interactive) {
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
    }

    /** Serves until the input ends. */
    public void run() throws IOException {
        if (interactive) {
            out.println("Paperboy console. Try /latest, /topics or /search vision transformer; /help lists all, "
                    + "/quit leaves.");
        }
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("/quit") || lower.equals("/exit")) {
                break;
            }
            print(answer(text));
        }
        out.flush();
    }

    /** The reply to one line; public so tests can drive a conversation without streams. */
    public Reply answer(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("/next") || lower.equals("/prev")) {
            return page(lower.equals("/next") ? 1 : -1);
        }
        Optional<CommandRequest> parsed = CommandDispatcher.parse(text, null);
        // Typing words without a command is the most natural way to look something up.
        CommandRequest request = parsed.orElseGet(() -> new CommandRequest("search", text));
        Reply reply = dispatcher.dispatch(request, Caller.console());
        if (request.name().equals("search")) {
            // Even a search that found nothing replaces the one before: paging must never go back to an older one.
            latest = new LatestSearch(request, pageCount(reply));
        }
        return reply;
    }

    private Reply page(int step) {
        if (latest == null) {
            return new ErrorReply("There is no search to page through yet. Start with /search <words>.");
        }
        String query = TypedText.query(latest.request().arguments());
        if (latest.pageCount() == 0) {
            return new ErrorReply((query.isEmpty() ? "Your last search" : "Your last search, \"" + query + "\",")
                    + " found nothing to page through. Run /search again with other words.");
        }
        int target = latest.request().page() + step;
        if (target < 1) {
            return new ErrorReply("This is already the first page of results for \"" + query + "\".");
        }
        if (target > latest.pageCount()) {
            return new ErrorReply("This is already the last page of results for \"" + query
                    + "\"; there is nothing more to page through. Run /search again to look for something else.");
        }
        CommandRequest request = new CommandRequest(latest.request().name(), latest.request().arguments(), target);
        Reply reply = dispatcher.dispatch(request, Caller.console());
        // A page that fails (the content was reloaded and shrank) leaves the search where it was.
        if (reply instanceof SearchReply) {
            latest = new LatestSearch(request, pageCount(reply));
        }
        return reply;
    }

    private static int pageCount(Reply reply) {
        return reply instanceof SearchReply search ? search.page().pageCount() : 0;
    }

    private void print(Reply reply) {
        for (String message : renderer.render(reply)) {
            out.println(message);
            out.println();
        }
        out.flush();
    }
}
