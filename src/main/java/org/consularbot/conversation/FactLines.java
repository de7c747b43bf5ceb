package org.consularbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Language;
import org.consularbot.faq.Whereabouts;

/**
 * The bot's own lines with mission facts filled in ({@code {{key}}} from the corpus): a line whose fact this mission
 * has not published is left out rather than shown with a gap. Shared by every kind of text the bot writes itself.
 */
final class FactLines {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.-]+)\\s*}}");

    private FactLines() {}

    /** Joins lines, rendering mission facts and dropping a line that needs a fact this mission lacks. */
    static String render(Corpus corpus, Language l, String... lines) {
        return render(corpus, l, Whereabouts.HOST, lines);
    }

    /** As {@link #render(Corpus, Language, String...)}, with the facts for someone in danger {@code where} they are. */
    static String render(Corpus corpus, Language l, Whereabouts where, String... lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder rendered = new StringBuilder();
            boolean complete = true;
            while (m.find()) {
                String value = corpus.fact(m.group(1), l, where);
                if (value == null) {
                    complete = false;
                    break;
                }
                m.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            if (complete) {
                m.appendTail(rendered);
                out.add(rendered.toString());
            }
        }
        return String.join("\n", out).strip();
    }
}
