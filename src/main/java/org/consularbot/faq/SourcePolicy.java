package org.consularbot.faq;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which web sites the corpus may cite ({@code faq/sources.yaml}): official ones by class (government, legal
 * databases, missions, the state news agency, international bodies, host-country governments), licensed state
 * media (a second source after an official one), and sites purged for good. A domain covers its subdomains:
 * {@code gov.vn} covers {@code passport.mofa.gov.vn}. An empty policy (no file) allows every site.
 */
public record SourcePolicy(Map<String, List<String>> official, List<String> media, List<String> purged) {

    /**
     * Police forces, regulators and municipalities: official for the emergency numbers of {@code countries.tsv}, not
     * as the source of an FAQ answer about Vietnamese procedures.
     */
    static final String EMERGENCY_SERVICES = "emergency-services";

    /** What a source's site is under the policy. */
    public enum Standing {
        OFFICIAL,
        MEDIA,
        PURGED,
        UNLISTED
    }

    public SourcePolicy {
        official = Map.copyOf(official);
        media = List.copyOf(media);
        purged = List.copyOf(purged);
    }

    public static SourcePolicy none() {
        return new SourcePolicy(Map.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return official.isEmpty() && media.isEmpty() && purged.isEmpty();
    }

    public Standing standing(String url) {
        if (isEmpty()) {
            return Standing.OFFICIAL;
        }
        String host = host(url);
        if (covers(purged, host)) {
            return Standing.PURGED;
        }
        if (official.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(EMERGENCY_SERVICES) && covers(e.getValue(), host))) {
            return Standing.OFFICIAL;
        }
        return covers(media, host) ? Standing.MEDIA : Standing.UNLISTED;
    }

    /** Whether the page may confirm an emergency number: an official site, or an emergency service's own. */
    public boolean confirmsEmergencyNumbers(String url) {
        return isEmpty()
                || standing(url) == Standing.OFFICIAL
                || covers(official.getOrDefault(EMERGENCY_SERVICES, List.of()), host(url));
    }

    /** The class of an official site ("government", "mission"...), if it is one. */
    public Optional<String> officialClass(String url) {
        String host = host(url);
        return official.entrySet().stream()
                .filter(e -> covers(e.getValue(), host))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The sources with the official ones first, each group in the order staff wrote them: what the citizen sees first. */
    public List<String> officialFirst(List<String> sources) {
        List<String> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparingInt(s -> standing(s) == Standing.OFFICIAL ? 0 : 1));
        return List.copyOf(ordered);
    }

    static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null
                    ? ""
                    : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceFirst("\\.$", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean covers(List<String> domains, String host) {
        return !host.isEmpty() && domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
