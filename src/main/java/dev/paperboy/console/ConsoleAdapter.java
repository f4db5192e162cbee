package dev.paperboy.console;

import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
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
    private CommandRequest lastSearch;
    private int lastPageCount;

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
        return remember(request, dispatcher.dispatch(request, Caller.console()));
    }

    private Reply page(int step) {
        if (lastSearch == null) {
            return new ErrorReply("There is no search to page through yet. Start with /search <words>.");
        }
        int target = lastSearch.page() + step;
        if (target < 1) {
            return new ErrorReply("This is already the first page.");
        }
        if (target > lastPageCount) {
            return new ErrorReply("This is already the last page.");
        }
        CommandRequest request = new CommandRequest(lastSearch.name(), lastSearch.arguments(), target);
        return remember(request, dispatcher.dispatch(request, Caller.console()));
    }

    private Reply remember(CommandRequest request, Reply reply) {
        if (reply instanceof SearchReply search) {
            lastSearch = request;
            lastPageCount = search.page().pageCount();
        }
        return reply;
    }

    private void print(Reply reply) {
        for (String message : renderer.render(reply)) {
            out.println(message);
            out.println();
        }
        out.flush();
    }
}
