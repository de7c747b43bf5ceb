package org.consularbot.llm;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.Folding;

/**
 * The facts an answer may only repeat from its cited passages, read the same way from both: every number (digits of
 * any script or style, look-alike letters among digits counted as digits), every address (e-mail, handle, link,
 * domain) and every messaging service. Both texts are first cleaned alike (NFKC, invisible characters removed,
 * look-alike letters mapped, lower case), so "⁰⁹¹²", "０９１２" and "09\u200B12" are one number. It is an allowlist:
 * whatever looks like a contact or a figure must be found in the passages, however it is written.
 */
final class GroundedFacts {

    /** A whole number: digit groups joined by one separator (space, dot, comma, slash, colon, dash). */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[ .,/:-]\\d+)*");
    /** Anything written with an @ (e-mail address or handle), or shaped like a domain, with or without scheme and path. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]*@[\\p{L}\\p{N}._-]*[\\p{L}\\p{N}_]"
                    + "|(?<![\\p{L}\\p{N}_.-])(?:[a-z][a-z0-9+.-]*://)?(?!tp\\.)(?:[\\p{L}\\p{N}_-]+\\.)+[\\p{L}][\\p{L}\\p{N}-]*[\\p{L}](?:[/?#][^\\s\\])>\"']*)?");
    /** E-mail addresses spelt out so that no @ or dot shows ("lanhsu (at) gmail (dot) com", "a còng", "chấm com"). */
    private static final Pattern SPELT_ADDRESS =
            Pattern.compile("[(\\[{<]\\s*(?:at|dot|a ?cong|a ?còng|chấm|cham)\\s*[)\\]}>]"
                    + "|(?<![\\p{L}])(?:at|a còng|a cong)\\s+[\\p{L}\\p{N}._-]+\\s+(?:dot|chấm|cham)\\s+\\p{L}{2,}"
                    + "|(?<![\\p{L}])(?:dot|chấm|cham)\\s+(?:com|net|org|vn|gov|info|me|io|xyz|top)(?![\\p{L}])");
    /** Six or more single characters in a row, spaced out so that no word or address shows ("h o t r o . d s q"). */
    private static final Pattern SPACED_OUT = Pattern.compile("(?<!\\S)(?:\\S\\s+){5,}\\S(?!\\S)");
    /** Messaging services and mail providers: naming one points the citizen to an account outside the passages. */
    private static final Pattern SERVICE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(telegram|zalo|whatsapp|viber|wechat|kakao"
                    + "|kakaotalk|facebook|fb|instagram|tiktok|skype|gmail|yahoo|hotmail|icloud|protonmail|discord|snapchat)(?![\\p{L}\\p{N}])");
    /**
     * Five or more digit words in a row spell a number ("không chín tám một một", "zero nine one two three"); fewer
     * occur in ordinary Vietnamese once folded ("bay tu nam" is "bay từ năm").
     */
    private static final Pattern SPELT_DIGITS;

    static {
        String digit = "(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|linh|le|zero|oh|one|two|three|four|five|six"
                + "|seven|eight|nine)";
        SPELT_DIGITS = Pattern.compile("(?<![\\p{L}])" + digit + "(?:[\\s,.-]+" + digit + "){4,}(?![\\p{L}])");
    }

    private final Set<String> numbers;
    private final Set<String> addresses;
    private final Set<String> services;

    private GroundedFacts(Set<String> numbers, Set<String> addresses, Set<String> services) {
        this.numbers = numbers;
        this.addresses = addresses;
        this.services = services;
    }

    /** The facts of a text; the addresses of passages also stand for their hosts and shorter paths. */
    static GroundedFacts of(String text) {
        String clean = clean(text);
        Set<String> addresses = new LinkedHashSet<>();
        Matcher address = ADDRESS.matcher(clean);
        while (address.find()) {
            addresses.add(address(address.group()));
        }
        Set<String> services = new HashSet<>();
        Matcher service = SERVICE.matcher(clean);
        while (service.find()) {
            services.add(service.group(1));
        }
        return new GroundedFacts(numbers(withoutAddresses(clean)), addresses, services);
    }

    /**
     * What the answer states that the passages do not: a number, an address or a service, or a spelt-out address
     * or number; empty when every such fact is in the passages.
     */
    Optional<String> unfoundIn(GroundedFacts passages, String rawAnswer) {
        String clean = clean(rawAnswer);
        if (SPELT_ADDRESS.matcher(clean).find()) {
            return Optional.of("spells out an address");
        }
        if (SPACED_OUT.matcher(clean).find()) {
            return Optional.of("spells out letters one by one");
        }
        if (withoutAddresses(clean).indexOf('@') >= 0) {
            return Optional.of("gives an address not in the cited passages"); // an @ standing alone: "lan @ gmail"
        }
        if (SPELT_DIGITS.matcher(Folding.fold(clean)).find()) {
            return Optional.of("spells out a number");
        }
        Set<String> known = passages.knownAddresses();
        for (String a : addresses) {
            if (!known.contains(a)) {
                return Optional.of(
                        a.contains("@") && !a.contains(".")
                                ? "gives a handle not in the cited passages"
                                : a.contains("@")
                                        ? "gives an e-mail address not in the cited passages"
                                        : "gives a web address not in the cited passages");
            }
        }
        for (String s : services) {
            if (!passages.services.contains(s)) {
                return Optional.of("names a messaging service or mail provider the cited passages do not");
            }
        }
        for (String n : numbers) {
            if (!passages.numbers.contains(n)) {
                return Optional.of("states a number not in the cited passages");
            }
        }
        return Optional.empty();
    }

    /** Each address with its host and every shorter path: "https://a.gov.vn/x/y" allows "a.gov.vn/x" and "a.gov.vn". */
    private Set<String> knownAddresses() {
        Set<String> known = new HashSet<>();
        for (String a : addresses) {
            known.add(a);
            for (int slash = a.indexOf('/'); slash > 0; slash = a.indexOf('/', slash + 1)) {
                known.add(a.substring(0, slash));
            }
        }
        return known;
    }

    /** The cleaning both sides get: NFKC, invisible characters removed, look-alikes mapped, lower case, ASCII digits. */
    static String clean(String text) {
        String clean = Folding.clean(text);
        StringBuilder out = new StringBuilder(clean.length());
        clean.codePoints().forEach(cp -> {
            if (cp > 127 && Digits.ascii(cp) >= 0) {
                out.append((char) Digits.ascii(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return Digits.lookAlikesRead(out.toString());
    }

    private static String address(String found) {
        String a = found.replaceAll("[.,;:!?]+$", "")
                .replaceFirst("^[a-z][a-z0-9+.-]*://", "")
                .replaceFirst("^www\\.", "");
        return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    }

    /** Addresses hold digits that are no figures of their own ("vnembassy-ca.org/2024"): counted as addresses only. */
    private static String withoutAddresses(String clean) {
        return ADDRESS.matcher(clean).replaceAll(" ");
    }

    /** Whole numbers as digit strings, separators dropped: "30.000.000" is one number, not three. */
    private static Set<String> numbers(String clean) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(clean);
        while (m.find()) {
            numbers.add(m.group().replaceAll("\\D", ""));
        }
        return numbers;
    }
}
