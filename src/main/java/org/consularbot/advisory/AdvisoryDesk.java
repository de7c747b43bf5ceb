package org.consularbot.advisory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff's work on advisories, with the four-eyes rule: any listed officer drafts; only a supervisor who did not
 * draft it approves; a draft or an approved advisory can be cancelled. Every refusal is an {@link AdvisoryRefused}
 * whose message says what to do. Who is an officer or a supervisor is the caller's to look up (the officers'
 * directory), so this package stays apart from the handoff.
 */
public final class AdvisoryDesk {

    static final int MAX_TITLE = 120;
    /** Under Telegram's 4,096 characters with the title, the level and the check-in line around it. */
    static final int MAX_BODY = 3000;

    private final Advisories advisories;
    private final Subscriptions subscriptions;
    private final Clock clock;

    public AdvisoryDesk(Advisories advisories, Subscriptions subscriptions, Clock clock) {
        this.advisories = advisories;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Who acts, as the officers' directory knows them. */
    public record Staff(String id, boolean supervisor) {}

    /** What an officer wrote, before it is checked and stored. */
    public record Draft(
            Advisory.Level level,
            Advisory.Text vi,
            Advisory.Text en,
            List<Target> targets,
            boolean checkIn,
            Optional<Instant> expiresAt) {}

    /**
     * Checks and stores a draft.
     *
     * @param countries the country codes of the corpus's list: targets must be among them
     */
    public Advisory draft(Staff by, Draft draft, Set<String> countries) {
        text(draft.vi(), "Vietnamese");
        text(draft.en(), "English");
        if (draft.targets().isEmpty()) {
            throw new AdvisoryRefused("an advisory needs at least one target country (--country JP)");
        }
        for (Target target : draft.targets()) {
            if (!countries.contains(target.country())) {
                throw new AdvisoryRefused("unknown country " + target.country()
                        + ": targets must be in faq/countries.tsv ("
                        + String.join(", ", countries.stream().sorted().toList()) + ")");
            }
        }
        Instant now = clock.instant();
        if (draft.expiresAt().isPresent() && !draft.expiresAt().get().isAfter(now)) {
            throw new AdvisoryRefused("the expiry " + draft.expiresAt().get() + " is already past");
        }
        return advisories.add(Advisory.draft(
                draft.level(),
                draft.vi(),
                draft.en(),
                List.copyOf(new LinkedHashSet<>(draft.targets())),
                draft.checkIn(),
                draft.expiresAt(),
                by.id(),
                now));
    }

    /** Four eyes: a supervisor who is not the drafter approves a draft that has not expired. */
    public Advisory approve(long id, Staff by) {
        Advisory a = existing(id);
        if (a.state() != Advisory.State.DRAFT) {
            throw new AdvisoryRefused(
                    "advisory " + id + " is " + a.state().code() + ", not a draft: nothing to approve");
        }
        if (!by.supervisor()) {
            throw new AdvisoryRefused(by.id() + " is not a supervisor: only a supervisor may approve an advisory");
        }
        if (a.draftedBy().equals(by.id())) {
            throw new AdvisoryRefused("four eyes: " + by.id() + " drafted advisory " + id
                    + " and cannot approve it too; another supervisor must");
        }
        Instant now = clock.instant();
        if (a.expired(now)) {
            throw new AdvisoryRefused("advisory " + id + " expired at "
                    + a.expiresAt().orElseThrow() + "; draft it again with a later expiry");
        }
        if (!advisories.approve(id, by.id(), now)) {
            throw new AdvisoryRefused("advisory " + id + " changed meanwhile; look at its status");
        }
        return existing(id);
    }

    /** Stops a draft or an approved advisory; any listed officer may. */
    public Advisory cancel(long id, Staff by) {
        Advisory a = existing(id);
        if (a.state() == Advisory.State.CANCELLED) {
            throw new AdvisoryRefused("advisory " + id + " is already cancelled");
        }
        if (!advisories.cancel(id, by.id(), clock.instant())) {
            throw new AdvisoryRefused("advisory " + id + " changed meanwhile; look at its status");
        }
        return existing(id);
    }

    public Advisory existing(long id) {
        return advisories.find(id).orElseThrow(() -> new AdvisoryRefused("no advisory " + id));
    }

    public List<Advisory> recent(int limit) {
        return advisories.recent(limit);
    }

    /** How many active subscribers the advisory would reach now (each counted once, whatever targets cover them). */
    public long reach(Advisory advisory) {
        return subscriptions.counts().stream()
                .filter(p -> advisory.targets().stream().anyMatch(t -> t.covers(p.country(), p.region())))
                .mapToLong(Subscriptions.PlaceCount::subscribers)
                .sum();
    }

    private static void text(Advisory.Text text, String language) {
        if (text.title().isBlank() || text.body().isBlank()) {
            throw new AdvisoryRefused("the " + language + " title and body must not be empty");
        }
        if (text.title().length() > MAX_TITLE) {
            throw new AdvisoryRefused(
                    "the " + language + " title is " + text.title().length() + " characters; at most " + MAX_TITLE);
        }
        if (text.body().length() > MAX_BODY) {
            throw new AdvisoryRefused(
                    "the " + language + " body is " + text.body().length() + " characters; at most " + MAX_BODY);
        }
    }
}
