package dev.paperboy.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramHtmlCheckerTest {

    @Test
    void acceptsTheTagsAndEntitiesTelegramLists() {
        String html = "<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>x</tg-spoiler> "
                + "<span class=\"tg-spoiler\">y</span> <a href=\"https://arxiv.org/abs/2211.00001\">link</a> "
                + "<code>/paper 1</code> <pre><code class=\"language-java\">int x;</code></pre> "
                + "<blockquote expandable>q</blockquote> &lt;&gt;&amp;&quot; &#169; &#x1F600;";

        assertThat(TelegramHtmlChecker.problems(html)).isEmpty();
        assertThat(TelegramHtmlChecker.parse("<b>a &amp; b</b> &lt;c&gt;")).isEqualTo("a & b <c>");
    }

    @Test
    void rejectsWhatTelegramWouldReject() {
        assertThat(TelegramHtmlChecker.problems("<div>x</div>")).singleElement().asString().contains("not supported");
        assertThat(TelegramHtmlChecker.problems("<b>x</i>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<b><i>x</b></i>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<b>x")).singleElement().asString().contains("unclosed");
        assertThat(TelegramHtmlChecker.problems("a < b")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("a > b")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("Tom & Jerry")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("&nbsp;")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<a>x</a>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<a href=\"javascript:x\">x</a>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<b class=\"x\">x</b>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<pre><b>x</b></pre>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<span>x</span>")).isNotEmpty();
        assertThat(TelegramHtmlChecker.problems("<b> </b>")).singleElement().asString().contains("empty");
        assertThat(TelegramHtmlChecker.problems("x".repeat(4097))).singleElement().asString().contains("4097");
        assertThatThrownBy(() -> TelegramHtmlChecker.parse("<b>")).hasMessageContaining("can't parse entities");
    }

    @Test
    void countsTextAfterParsingLikeTelegram() {
        // 4096 characters of text, though the HTML is far longer
        assertThat(TelegramHtmlChecker.problems("<b>" + "&amp;".repeat(4096) + "</b>")).isEmpty();
    }
}
