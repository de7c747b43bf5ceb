package org.consularbot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The handoff to officers.
 *
 * @param rosterFile     {@code ROSTER_FILE}: the duty roster (YAML, docs/officers.md); none = always on duty
 * @param showNames      {@code HANDOFF_SHOW_OFFICER_NAME}: citizens see the officer's name (true) or "Consular officer"
 * @param urgentLimit    {@code SLA_URGENT_MINUTES}: no officer reply after this long → alarm (default 10)
 * @param normalLimit    {@code SLA_NORMAL_MINUTES}: the same for other tickets (default 60)
 */
public record HandoffConfig(Optional<Path> rosterFile, boolean showNames, Duration urgentLimit, Duration normalLimit) {

    public static final String ROSTER_FILE = "ROSTER_FILE";
    public static final String HANDOFF_SHOW_OFFICER_NAME = "HANDOFF_SHOW_OFFICER_NAME";
    public static final String SLA_URGENT_MINUTES = "SLA_URGENT_MINUTES";
    public static final String SLA_NORMAL_MINUTES = "SLA_NORMAL_MINUTES";

    public static HandoffConfig defaults() {
        return new HandoffConfig(Optional.empty(), true, Duration.ofMinutes(10), Duration.ofMinutes(60));
    }

    public static HandoffConfig from(Settings settings) {
        String show =
                settings.get(HANDOFF_SHOW_OFFICER_NAME).orElse("true").strip().toLowerCase(Locale.ROOT);
        if (!show.equals("true") && !show.equals("false")) {
            throw new InvalidSettingException(HANDOFF_SHOW_OFFICER_NAME, "must be true or false, not '" + show + "'");
        }
        return new HandoffConfig(
                settings.get(ROSTER_FILE).map(String::strip).map(Path::of),
                show.equals("true"),
                Duration.ofMinutes(BotConfig.integer(settings, SLA_URGENT_MINUTES, 10, 1, 1440)),
                Duration.ofMinutes(BotConfig.integer(settings, SLA_NORMAL_MINUTES, 60, 1, 10_080)));
    }
}
