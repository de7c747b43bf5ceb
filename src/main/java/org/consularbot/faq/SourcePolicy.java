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

    /** What a source's site is under the policy. */
    public enum Standing { OFFICIAL, MEDIA, PURGED, UNLISTED }

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
        if (official.values().stream().anyMatch(domains -> covers(domains, host))) {
            return Standing.OFFICIAL;
        }
        return covers(media, host) ? Standing.MEDIA : Standing.UNLISTED;
    }

    /** The class of an official site ("government", "mission"...), if it is one. */
    public Optional<String> officialClass(String url) {
        String host = host(url);
        return official.entrySet().stream().filter(e -> covers(e.getValue(), host)).map(Map.Entry::getKey).findFirst();
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
            return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceFirst("\\.$", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean covers(List<String> domains, String host) {
        return !host.isEmpty() && domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
