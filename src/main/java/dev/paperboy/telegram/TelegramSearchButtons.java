package dev.paperboy.telegram;

import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Renders a reply so that a search page fits one editable message, and builds its paging and "more" buttons. */
final class TelegramSearchButtons {

    private final TelegramRenderer renderer;

    TelegramSearchButtons(TelegramRenderer renderer) {
        this.renderer = renderer;
    }

    /** A search page is rendered into one message where possible, so that paging can edit it in place. */
    List<TelegramMessage> render(Reply reply) {
        List<TelegramMessage> messages = renderer.render(reply);
        if (reply instanceof SearchReply && messages.size() > 1) {
            List<TelegramMessage> shorter = new TelegramRenderer(0, 40).render(reply);
            if (shorter.size() < messages.size()) {
                return shorter;
            }
        }
        return messages;
    }

    /** Paging (previous, page n of m, next) and "more" buttons for a search page; null for other replies. */
    InlineKeyboardMarkup keyboard(Reply reply, String token) {
        if (!(reply instanceof SearchReply search)) {
            return null;
        }
        SearchPage page = search.page();
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow more = new InlineKeyboardRow();
        int first = (page.page() - 1) * page.pageSize() + 1;
        for (int i = 0; i < page.hits().size(); i++) {
            Paper paper = page.hits().get(i).paper().paper();
            CallbackData data = new CallbackData.More(paper.arxivId() == null ? "" : paper.arxivId());
            if (paper.arxivId() != null && CallbackData.fits(data)) {
                more.add(button("📄 " + (first + i), data));
            }
        }
        for (int i = 0; i < more.size(); i += 5) {
            rows.add(new InlineKeyboardRow(more.subList(i, Math.min(more.size(), i + 5))));
        }
        if (token != null && page.pageCount() > 1) {
            InlineKeyboardRow paging = new InlineKeyboardRow();
            if (page.page() > 1) {
                paging.add(button("« Previous", new CallbackData.Page(token, page.page() - 1)));
            }
            paging.add(button("Page " + page.page() + " of " + page.pageCount(), new CallbackData.Noop()));
            if (page.page() < page.pageCount()) {
                paging.add(button("Next »", new CallbackData.Page(token, page.page() + 1)));
            }
            rows.add(paging);
        }
        return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton button(String text, CallbackData data) {
        return InlineKeyboardButton.builder().text(text).callbackData(CallbackData.encode(data)).build();
    }
}
