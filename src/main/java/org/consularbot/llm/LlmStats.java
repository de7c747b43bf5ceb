package org.consularbot.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the LLM fallback did, counted: for the logs and the metrics endpoint. LLM calls cost money
 * and time; the share of messages that need one is a figure the mission watches. One for the life of the process,
 * handed to each fallback a corpus reload builds, so the metrics read from it follow the one serving.
 */
public final class LlmStats {

    final AtomicLong questions = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong guardRefusals = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong cacheHits = new AtomicLong();
    final AtomicLong screened = new AtomicLong();
    final AtomicLong noMaterial = new AtomicLong();
    final AtomicLong circuitOpen = new AtomicLong();

    /** A snapshot, name → count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("questions", questions.get());
        out.put("llm_calls", calls.get());
        out.put("llm_failures", failures.get());
        out.put("guard_refusals", guardRefusals.get());
        out.put("model_no_answer", noAnswer.get());
        out.put("cache_hits", cacheHits.get());
        out.put("injections_screened", screened.get());
        out.put("no_material", noMaterial.get());
        out.put("circuit_open", circuitOpen.get());
        return out;
    }
}
