package dev.paperboy.core.command;

import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.core.render.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /reload} (admins): re-reads the content and swaps it in only if every file is valid. */
final class ReloadCommand implements Command {

    /** Enough problems to act on without flooding a chat; the log has all of them. */
    static final int MAX_PROBLEMS_SHOWN = 20;

    private final LiveLibrary library;

    ReloadCommand(LiveLibrary library) {
        this.library = library;
    }

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public String description() {
        return "Re-read the content files (the old content stays if any file is invalid)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        ReloadResult result = library.reload();
        if (result.applied()) {
            List<String> lines = new ArrayList<>();
            lines.add("Changes: " + result.changes().summary() + ".");
            lines.addAll(result.warnings());
            return new TextReply("Content reloaded: " + PlainText.count(result.digests(), "digest") + ", "
                    + PlainText.count(result.papers(), "paper") + ".", lines);
        }
        List<ContentProblem> problems = result.problems();
        String shown = problems.stream().limit(MAX_PROBLEMS_SHOWN).map(ContentProblem::toString)
                .collect(Collectors.joining("\n"));
        String more = problems.size() > MAX_PROBLEMS_SHOWN
                ? "\n…and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more (see the log)." : "";
        return new ErrorReply("Reload refused: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the content; the previous content is still being served. Fix these and run /reload again:\n"
                + shown + more);
    }
}
