package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives, in whatever order, over many conversations: nothing throws, every message is stored and
 * marked handled, and (with no rate limit and no officers) every one gets at least one reply the citizen
 * actually received. Seeded, so a failure repeats; the seed and the message are in the failure text.
 */
class BadInputPropertyTest {

    private static final long SEED = 20261124L;
    private static final int MESSAGES = 10_000;
    private static final int CONVERSATIONS = 250;

    private static final String[] REAL = {
        "ho chieu het han lam lai o dau",
        "ho chieu",
        "passport",
        "toi bi bat",
        "I was arrested",
        "khai sinh",
        "How can I renew my passport abroad?",
        "1",
        "2",
        "3",
        "9",
        "#1",
        " 2) ",
        "0",
        "ok",
        "cảm ơn",
        "?",
    };
    private static final String[] COMMANDS = {
        "/start", "/help", "/human", "/cancel", "/lang en", "/lang vi", "/lang auto", "/lang xx", "/lang", "/",
        "/ ", "//", "/123", "/😀", "/@", "/help@", "/help@some_bot", "/start@x y z", "/lang \u0000", "/lang 🇻🇳",
        "/HUMAN", "/huy", "/canbo", "/ngonngu en", "/trogiup", "/x" + "y".repeat(500),
    };
    private static final String[] ODD = {
        "",
        " ",
        "\t\n\r",
        "\u00A0\u3000\u2007",
        "\u200B",
        "\u200B\u200C\u200D\uFEFF\u2060",
        "\u0000",
        "\u0000\u0000ho chieu",
        "\u202Eho chieu het han\u202C",
        "\u200Fשלום\u200E",
        "مرحبا، أين السفارة؟",
        "👨‍👩‍👧‍👦",
        "🇻🇳🇨🇦",
        "👍🏽",
        "🆘",
        "\uD800",
        "\uDC00",
        "a\uD83Dz",
        "\uDBFF\uDBFF",
        "\u001B[31mred\u001B[0m",
        "\u0007\u0008\u007F",
        "𝔥𝔬 𝔠𝔥𝔦𝔢𝔲",
        "Z̷̛̤a̶l̸g̴o̵",
        "ﷺ",
        "\uFFFF\uFFFE",
        "\uE000\uF8FF",
    };

    private final Random random = new Random(SEED);

    @Test
    void tenThousandBadMessagesAreAllStoredAndAnswered() {
        long started = System.nanoTime();
        try (ConversationHarness bot =
                ConversationHarness.builder().rateLimit(0).build()) {
            List<Chat> chats = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                chats.add(bot.chat("fuzz-" + i));
            }
            Set<String> payloadsSeen = new HashSet<>();
            int big = 0;
            for (int n = 0; n < MESSAGES; n++) {
                Chat chat = chats.get(random.nextInt(chats.size()));
                ContentKind kind = kind();
                String text = kind == ContentKind.BUTTON ? payload(payloadsSeen) : text();
                big += text.length() > 50_000 ? 1 : 0;
                String label = "seed " + SEED + ", message " + n + " (" + kind + ", " + text.length() + " chars): "
                        + abbreviate(text);

                List<Reply> replies;
                try {
                    replies = chat.send(kind, text);
                } catch (RuntimeException e) {
                    throw new AssertionError(label, e);
                }

                assertThat(chat.last.duplicate()).as(label).isFalse();
                assertThat(replies).as(label).isNotEmpty();
                for (Reply reply : replies) {
                    assertThat(reply.text()).as(label).isNotBlank().doesNotContain("{{");
                    reply.buttons().forEach(b -> payloadsSeen.add(b.payload()));
                }
            }

            assertThat(big).as("some 100 KB messages were sent").isPositive();
            assertThat(bot.store.unanswered(10)).isEmpty();
            assertThat(bot.outbox.unsent(10)).isEmpty();
            assertThat(bot.count("SELECT COUNT(*) FROM inbound_messages")).isEqualTo(MESSAGES);
            assertThat(bot.count("SELECT COUNT(*) FROM inbound_messages WHERE handled_at IS NULL"))
                    .isZero();
            assertThat(bot.count("SELECT COUNT(*) FROM inbound_messages i WHERE NOT EXISTS "
                            + "(SELECT 1 FROM outbox o WHERE o.inbound_id = i.id)"))
                    .as("messages without a reply")
                    .isZero();
            assertThat(bot.count("SELECT COUNT(*) FROM outbox"))
                    .isEqualTo(bot.sender.sent().size());
            // close() checks that every conversation's log explains its state
        }
        System.out.printf(
                "BadInputPropertyTest: %d messages in %d ms%n", MESSAGES, (System.nanoTime() - started) / 1_000_000);
    }

    private ContentKind kind() {
        int roll = random.nextInt(100);
        if (roll < 65) {
            return ContentKind.TEXT;
        }
        if (roll < 85) {
            return ContentKind.BUTTON;
        }
        ContentKind[] kinds = ContentKind.values();
        return kinds[random.nextInt(kinds.length)];
    }

    private String text() {
        int roll = random.nextInt(1000);
        if (roll < 3) {
            return hundredKb();
        }
        if (roll < 150) {
            return pick(REAL);
        }
        if (roll < 280) {
            return pick(COMMANDS);
        }
        if (roll < 420) {
            return pick(ODD);
        }
        if (roll < 520) {
            return "/" + codePoints(random.nextInt(20), 0x10FFFF);
        }
        if (roll < 650) {
            return mutate(pick(REAL));
        }
        if (roll < 800) {
            return codePoints(random.nextInt(200), 0x10FFFF);
        }
        if (roll < 900) {
            return codePoints(random.nextInt(80), 0x2FFF);
        }
        return pick(ODD) + codePoints(random.nextInt(30), 0xFFFF) + pick(REAL) + pick(ODD);
    }

    /** A button payload: one the bot really offered, a mangled one, or garbage. */
    private String payload(Set<String> offered) {
        int roll = random.nextInt(10);
        if (roll < 3 && !offered.isEmpty()) {
            List<String> list = List.copyOf(offered);
            return list.get(random.nextInt(list.size()));
        }
        String[] shapes = {
            "faq:",
            "fb:",
            "fb:+",
            "fb:+:",
            "fb:-:",
            "fb:?:",
            "faq:passport",
            "fb:+:passport.issue.renew-abroad",
            "faq:passport.issue.renew-abroad",
            "",
            " ",
            "\u0000"
        };
        if (roll < 7) {
            return pick(shapes) + (random.nextBoolean() ? "" : codePoints(random.nextInt(10), 0x10FFFF));
        }
        return codePoints(random.nextInt(64), 0x10FFFF);
    }

    private String hundredKb() {
        String unit = switch (random.nextInt(4)) {
            case 0 -> "ho chieu het han ";
            case 1 -> "xyzzy qwrtp ";
            case 2 -> "天气";
            default -> codePoints(37, 0x10FFFF);
        };
        return unit.repeat(100_000 / unit.length() + 1);
    }

    /** Random code points up to {@code max}, lone surrogates and unassigned ones included. */
    private String codePoints(int count, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.appendCodePoint(random.nextInt(max + 1));
        }
        return out.toString();
    }

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = random.nextInt(4); i >= 0; i--) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, pick(ODD));
                case 1 -> out.insert(at, (char) random.nextInt(0x10000));
                default -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
            }
        }
        return out.toString();
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String abbreviate(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .limit(80)
                .forEach(c -> out.append(
                        c < 0x20 || c >= 0xD800 && c <= 0xDFFF
                                ? String.format("\\u%04X", c)
                                : new String(Character.toChars(c))));
        return out + (text.length() > 80 ? "…" : "");
    }
}
