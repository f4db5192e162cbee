package dev.paperboy.telegram;

import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.render.AuthorList;
import dev.paperboy.core.render.PlainText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Answers inline mode ({@code @ThisBot your words} in any chat) with matching papers as cards to share. */
final class TelegramInlineHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramInlineHandler.class);

    private static final int MAX_INLINE_RESULTS = 50;

    private final TelegramConnection connection;
    private final CommandDispatcher dispatcher;
    private final TelegramRenderer renderer;
    private final TelegramAdmins admins;

    TelegramInlineHandler(TelegramConnection connection, CommandDispatcher dispatcher, TelegramRenderer renderer,
                          TelegramAdmins admins) {
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.admins = admins;
    }

    void handle(InlineQuery query) {
        String text = query.getQuery() == null ? "" : query.getQuery().strip();
        int page = 1;
        if (query.getOffset() != null && query.getOffset().matches("[0-9]{1,6}")) {
            page = Math.max(1, Integer.parseInt(query.getOffset()));
        }
        List<InlineQueryResult> results = new ArrayList<>();
        String nextOffset = "";
        if (!text.isEmpty() && dispatcher.registry().find("search").isPresent()) {
            String userId = String.valueOf(query.getFrom().getId());
            Caller caller = new Caller(Platform.TELEGRAM, "inline:" + userId, userId, admins.isConfigured(userId),
                    false, false);
            Reply reply = dispatcher.dispatch(new CommandRequest("search", text, page), caller);
            if (reply instanceof SearchReply search) {
                for (SearchHit hit : search.page().hits()) {
                    if (results.size() < MAX_INLINE_RESULTS) {
                        results.add(article(hit.paper()));
                    }
                }
                if (search.page().page() < search.page().pageCount()) {
                    nextOffset = Integer.toString(search.page().page() + 1);
                }
            }
        }
        try {
            connection.execute(AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results)
                    .cacheTime(60).isPersonal(false).nextOffset(nextOffset).build());
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: answering an inline query failed: {}", TelegramFailure.of(e, connection).summary());
        }
    }

    private InlineQueryResultArticle article(LibraryPaper paper) {
        String authors = AuthorList.format(paper.paper().authors(), 3);
        String description = PlainText.shorten(PlainText.oneLine(String.join(" · ",
                Stream.of(authors, paper.date() == null ? "" : paper.date().toString(),
                        paper.primaryTopic()).filter(s -> !s.isBlank()).toList())), 200);
        InlineQueryResultArticle.InlineQueryResultArticleBuilder<?, ?> article = InlineQueryResultArticle.builder()
                .id(resultId(paper))
                .title(PlainText.shorten(PlainText.oneLine(paper.paper().title()), 200))
                .inputMessageContent(InputTextMessageContent.builder()
                        .messageText(renderer.renderPaperCard(paper).html()).parseMode("HTML")
                        .linkPreviewOptions(TelegramReplies.noPreview()).build());
        if (!description.isEmpty()) {
            article.description(description);
        }
        if (paper.paper().absUrl() != null) {
            article.url(paper.paper().absUrl());
        }
        return article.build();
    }

    /** A result id within Telegram's 64 bytes: a hash of the paper's key. */
    private static String resultId(LibraryPaper paper) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(paper.key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
