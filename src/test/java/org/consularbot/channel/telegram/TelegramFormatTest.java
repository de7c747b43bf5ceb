package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

class TelegramFormatTest {

    @Test
    void htmlEscapesTheThreeCharactersTelegramParses() {
        assertThat(TelegramFormat.html("a < b & c > d <b>x</b>"))
                .isEqualTo("a &lt; b &amp; c &gt; d &lt;b&gt;x&lt;/b&gt;");
        assertThat(TelegramFormat.html("Hộ chiếu \"đã\" hết hạn 🆘")).isEqualTo("Hộ chiếu \"đã\" hết hạn 🆘");
    }

    @Test
    void aShortTextIsOnePart() {
        assertThat(TelegramFormat.split("xin chào", 4096)).containsExactly("xin chào");
        assertThat(TelegramFormat.split("", 4096)).containsExactly("");
    }

    @Test
    void aLongTextIsSplitAtParagraphsWithinTheLimitAndNothingIsLost() {
        String paragraph = "Đoạn văn về hộ chiếu. ".repeat(40).strip();
        String text = String.join("\n\n", Collections.nCopies(12, paragraph));

        List<String> parts = TelegramFormat.split(text, 4096);

        assertThat(parts)
                .hasSizeGreaterThan(1)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(parts).allSatisfy(part -> assertThat(part).startsWith("Đoạn").endsWith("hộ chiếu."));
        assertThat(String.join("\n\n", parts)).isEqualTo(text);
    }

    @Test
    void textWithoutBreaksIsCutAtSpacesOrAnywhereButNeverInsideACharacter() {
        String words = "abc ".repeat(3000);
        assertThat(TelegramFormat.split(words, 4096))
                .allSatisfy(part -> assertThat(part).doesNotStartWith(" ").hasSizeLessThanOrEqualTo(4096));

        String emoji = "😀".repeat(3000);
        List<String> parts = TelegramFormat.split(emoji, 4095);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(4095);
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                    .isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(emoji);
    }

    @Test
    void choicesGoOnePerRowAndFeedbackSideBySide() {
        Reply reply = new Reply(
                ReplyKind.SUGGESTION,
                "Có phải bạn muốn hỏi:",
                List.of(new Button("1. Làm lại hộ chiếu", "faq:a"), new Button("2. Mất hộ chiếu", "faq:b")),
                List.of(new Button("👍", "fb:+:a"), new Button("👎", "fb:-:a")),
                Optional.empty());

        InlineKeyboardMarkup keyboard = TelegramFormat.keyboard(reply);

        assertThat(keyboard.getKeyboard()).hasSize(3);
        assertThat(keyboard.getKeyboard().get(0))
                .extracting(b -> b.getCallbackData())
                .containsExactly("faq:a");
        assertThat(keyboard.getKeyboard().get(2))
                .extracting(b -> b.getCallbackData())
                .containsExactly("fb:+:a", "fb:-:a");
        assertThat(TelegramFormat.keyboard(Reply.text(ReplyKind.HELP, "x"))).isNull();
    }
}
