package org.consularbot.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.OfficerInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Officers' actions from their group, stored in the {@link OfficerInbox} before the update is acknowledged and run on
 * the officers' lane after. An action the database could not carry out stays pending and is run again by
 * {@link #resumePending()} (called by the instance that relays to officers, every few seconds), as is one a crash left;
 * one that failed otherwise (a bug) is logged and not run again, so it cannot block the others.
 *
 * <p>The actions wait in this instance's backlog, in the order they were queued, and one drain at a time runs them on
 * the lane: queued one task each, a restart's backlog went over the lane's bound for one chat, and the lane refused
 * the rest, which then waited for later rounds behind newer actions.
 *
 * <p>With several instances on one database, an action is carried out only by the instance that holds its claim in
 * the inbox ({@link OfficerInbox.Claim}): stored claimed by the instance that received it, claimed by a relay round
 * only when unclaimed or run out, claimed again just before it runs, and renewed by {@link #renewClaims()} while it
 * waits here. The claim was this set of ids in memory only, so the relay carried out what another instance had just
 * stored and was about to carry out, and an officer's reply reached the citizen twice.
 */
final class OfficerActions {

    /**
     * What the ingress needs to build it: the group, where its actions are stored, the clock, and this instance's name
     * in the claims it holds there (one per process, see {@link OfficerInbox.Claim}).
     */
    record Setup(OfficerGroup group, OfficerInbox inbox, Clock clock, String instance) {}

    private static final Logger log = LoggerFactory.getLogger(OfficerActions.class);
    private static final ConversationKey OFFICERS = new ConversationKey("telegram", "officers");
    private static final int BATCH = 50;
    /** Handled actions are remembered this long, so a late redelivery is still recognised; then forgotten. */
    private static final Duration REMEMBERED = Duration.ofDays(1);

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /**
     * How long a claim holds without renewal: renewed every few seconds while the instance lives (the caller of
     * {@link #renewClaims()}), so only a dead instance's, or one cut off from the database that long, run out and
     * are taken over. As long as a reply's lease in the outbox.
     */
    static final Duration LEASE = Duration.ofSeconds(30);
    /**
     * Actions waiting in memory at most; more stay in the inbox for a later relay round, so a flood in the group (or a
     * drain stuck on one action) cannot fill the memory, as the lane's own bound ensured before.
     */
    static final int MAX_WAITING = 1_000;

    private final Consumer<Incoming.OfficerAction> group;
    private final Function<Incoming.OfficerAction, Optional<Long>> ticketOf;
    private final OfficerInbox inbox;
    private final ChatLanes lanes;
    private final Clock clock;
    private final String instance;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Actions in the backlog or running, not yet done: {@link #resumePending()} leaves them to it, and
     * {@link #renewClaims()} keeps their claims in the inbox.
     */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Actions waiting for the drain, oldest first; also guards {@link #draining}. */
    private final ArrayDeque<Pending> backlog = new ArrayDeque<>();
    /** A drain is queued on the lane or running. */
    private boolean draining;

    private volatile Instant nextPrune = Instant.MIN;

    /**
     * @param group    carries out one action (the officers' group: {@link OfficerGroup#handle})
     * @param ticketOf the ticket an action is about, stored with it ({@link OfficerGroup#ticketOf})
     * @param instance this instance's name in the claims it holds in the inbox
     */
    OfficerActions(
            Consumer<Incoming.OfficerAction> group,
            Function<Incoming.OfficerAction, Optional<Long>> ticketOf,
            OfficerInbox inbox,
            ChatLanes lanes,
            Clock clock,
            String instance) {
        this.group = group;
        this.ticketOf = ticketOf;
        this.inbox = inbox;
        this.lanes = lanes;
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * Stores the action, then queues it.
     *
     * @throws StoreException when it could not be stored: do not acknowledge the update, Telegram sends it again
     */
    void receive(long updateId, Incoming.OfficerAction action) {
        String source = "telegram:" + updateId;
        // Claimed before it is stored: a relay round that lists it in between leaves it to this call, not run it too.
        if (!queued.add(source)) {
            log.debug("officer action {} is being carried out here already; not run again", source);
            return;
        }
        boolean added = false;
        try {
            Instant now = clock.instant();
            added = inbox.add(source, ticketOf.apply(action), encode(action), now, claimFrom(now));
        } finally {
            if (!added) {
                queued.remove(source);
            }
        }
        if (added) {
            queue(source, action);
        } else {
            log.debug("officer action {} was received before; not run again", source);
        }
    }

    /**
     * Claims and queues the stored actions not yet run that no live instance holds (left by a crash, refused by the
     * database, or held by an instance whose claim ran out); returns how many. Those another instance holds are left
     * to it: it stored them and carries them out.
     */
    int resumePending() {
        int resumed = 0;
        for (OfficerInbox.Action stored : inbox.claimable(instance, clock.instant(), BATCH)) {
            if (!queued.contains(stored.sourceId())) {
                Instant now = clock.instant();
                if (!inbox.claim(stored.sourceId(), claimFrom(now), now)) {
                    // Another relay claimed it since the listing (leadership changing hands): the rest is left to it
                    // this round, so that one instance carries out a run of actions in their order.
                    log.debug("officer action {} was claimed by another instance first", stored.sourceId());
                    break;
                }
                Optional<Incoming.OfficerAction> action = decode(stored.payload());
                if (action.isEmpty()) {
                    log.error("officer action {} cannot be read back; dropped", stored.sourceId());
                    inbox.handled(stored.sourceId(), clock.instant());
                    continue;
                }
                if (queue(stored.sourceId(), action.get())) {
                    resumed++;
                }
            }
        }
        Instant now = clock.instant();
        if (now.isAfter(nextPrune)) {
            inbox.prune(now.minus(REMEMBERED));
            nextPrune = now.plus(PRUNE_EVERY);
        }
        return resumed;
    }

    /**
     * Extends the claims on the actions waiting here or running, so no other instance takes them over while this one
     * lives; returns how many. Every instance calls it every few seconds, well within {@link #LEASE}.
     */
    int renewClaims() {
        List<String> held = List.copyOf(queued);
        return held.isEmpty() ? 0 : inbox.renew(held, claimFrom(clock.instant()));
    }

    private OfficerInbox.Claim claimFrom(Instant now) {
        return new OfficerInbox.Claim(instance, now.plus(LEASE));
    }

    private record Pending(String source, Incoming.OfficerAction action) {}

    /**
     * Adds the action to the backlog and makes sure a drain is on its way to run it; false when the backlog is full
     * (the action is stored and pending: a later relay round queues it again).
     */
    private boolean queue(String source, Incoming.OfficerAction action) {
        queued.add(source);
        synchronized (backlog) {
            if (backlog.size() >= MAX_WAITING) {
                queued.remove(source);
                return false;
            }
            backlog.addLast(new Pending(source, action));
            if (draining) {
                return true;
            }
            draining = true;
        }
        if (!lanes.submit(OFFICERS, this::drain)) {
            giveBack();
        }
        return true;
    }

    /**
     * Runs the backlog in order. After the lane's share for one chat it queues itself again rather than run on, so the
     * citizens whose chats share the lane are not held up behind a long backlog (their work queued meanwhile goes
     * first); the order of the actions is kept, as only one drain exists at a time.
     */
    private void drain() {
        boolean more = true; // also if an action throws an Error: the rest must not wait for a restart
        try {
            more = runSome();
        } finally {
            if (more && !lanes.submit(OFFICERS, this::drain)) {
                giveBack();
            }
        }
    }

    /** Runs up to {@link ChatLanes#MAX_PER_CHAT} actions; false when the backlog ran dry (and the drain ends). */
    private boolean runSome() {
        for (int done = 0; done < ChatLanes.MAX_PER_CHAT; done++) {
            Pending next;
            synchronized (backlog) {
                next = backlog.pollFirst();
                if (next == null) {
                    draining = false;
                    return false;
                }
            }
            run(next.source(), next.action());
        }
        return true;
    }

    /** The lane refused the drain (closing, or full): what waited is stored and pending, a later round queues it. */
    private void giveBack() {
        synchronized (backlog) {
            backlog.forEach(pending -> queued.remove(pending.source()));
            backlog.clear();
            draining = false;
        }
    }

    private void run(String source, Incoming.OfficerAction action) {
        try {
            // Claimed again first: if this instance's claim ran out while the action waited (cut off from the database
            // longer than the lease), another instance may have taken it over; then it is that one's to carry out.
            Instant now = clock.instant();
            if (!inbox.claim(source, claimFrom(now), now)) {
                log.info("officer action {} was taken over by another instance, or carried out; not run here", source);
                return;
            }
            group.accept(action);
            inbox.handled(source, clock.instant());
        } catch (StoreException e) {
            log.warn(
                    "officer action {} not carried out, the database refused: {}; it will be tried again",
                    source,
                    e.getMessage());
        } catch (RuntimeException e) {
            log.error("officer action {} failed; not tried again", source, e);
            try {
                inbox.handled(source, clock.instant());
            } catch (StoreException again) {
                log.warn("officer action {} could not be marked done: {}", source, again.getMessage());
            }
        } finally {
            queued.remove(source);
        }
    }

    private String encode(Incoming.OfficerAction action) {
        ObjectNode node = json.createObjectNode();
        node.put("userId", action.userId());
        node.put("text", action.text());
        action.repliedTo().ifPresent(v -> node.put("repliedTo", v));
        action.callbackQueryId().ifPresent(v -> node.put("callbackQueryId", v));
        action.messageId().ifPresent(v -> node.put("messageId", v));
        return node.toString();
    }

    private Optional<Incoming.OfficerAction> decode(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.hasNonNull("userId") || !node.hasNonNull("text")) {
                return Optional.empty();
            }
            return Optional.of(new Incoming.OfficerAction(
                    node.get("userId").asText(),
                    node.get("text").asText(),
                    optional(node, "repliedTo"),
                    optional(node, "callbackQueryId"),
                    optional(node, "messageId")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
