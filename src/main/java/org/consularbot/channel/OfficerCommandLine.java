package org.consularbot.channel;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.handoff.DeskCommand;
import org.consularbot.handoff.OfficerDesk;

/**
 * What officers type, in the Telegram group ({@code /take@consular_bot 12}) and in the terminal console alike
 * ({@code /take 12}, {@code /note 12 text}, {@code /close}): parsed here, on the channels' side, into a
 * {@link DeskCommand} the desk carries out.
 */
public final class OfficerCommandLine {

    /** The commands, for an officer who types {@code /help}. */
    public static final String HELP =
            "/queue · /take N · /reply N text · /transcript N · /note N text · /release [N] · /close [N]"
                    + " (N may be left out when you hold one ticket)";

    private static final Pattern COMMAND = Pattern.compile(
            "/(queue|take|close|release|note|reply|transcript|help)(?:@\\w+)?\\b\\s*#?(\\d+)?\\s*(.*)", Pattern.DOTALL);

    private OfficerCommandLine() {}

    /** Carries out the line on the desk; empty when the line is not a command (an ordinary message). */
    public static Optional<OfficerDesk.Result> run(OfficerDesk desk, String userId, String line) {
        Matcher m = COMMAND.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1).equals("help")) {
            return Optional.of(new OfficerDesk.Result(true, HELP));
        }
        if (notANumber(m)) {
            // "/close abc" must not close the one ticket the officer holds, as "/close" alone would.
            return Optional.of(new OfficerDesk.Result(
                    false,
                    "\"" + m.group(3).strip() + "\" is not a ticket number; nothing was done (e.g. /" + m.group(1)
                            + " 12)."));
        }
        return Optional.of(command(m)
                .map(command -> desk.perform(userId, command))
                .orElseGet(() -> new OfficerDesk.Result(false, "There is no ticket #" + m.group(2) + ".")));
    }

    /** A command that takes only a ticket number was given words instead ({@code /take abc}, {@code /close -5}). */
    private static boolean notANumber(Matcher m) {
        String action = m.group(1);
        boolean numberOnly = !(action.equals("note") || action.equals("reply") || action.equals("queue"));
        return numberOnly && m.group(2) == null && !m.group(3).isBlank();
    }

    /** The desk command a line gives; empty for an ordinary message, {@code /help}, or a number no ticket has. */
    public static Optional<DeskCommand> parse(String line) {
        Matcher m = COMMAND.matcher(line.strip());
        return m.matches() && !m.group(1).equals("help") && !notANumber(m) ? command(m) : Optional.empty();
    }

    private static Optional<DeskCommand> command(Matcher m) {
        Optional<Long> ticket = Optional.empty();
        if (m.group(2) != null) {
            try {
                ticket = Optional.of(Long.parseLong(m.group(2)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        DeskCommand.Action action = DeskCommand.Action.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(new DeskCommand(action, ticket, m.group(3)));
    }
}
