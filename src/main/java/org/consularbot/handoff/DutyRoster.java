package org.consularbot.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is on duty when, in the mission's time zone: weekly hours per officer, holidays (nobody on duty), and the
 * backup officers an urgent ticket alerts when nobody is. Without a roster file everyone is always on duty.
 *
 * <pre>
 * time_zone: America/Toronto
 * holidays: [2026-12-25, 2027-01-01]
 * backup: ["123456789"]
 * officers:
 *   "123456789": {mon: "09:00-17:00", tue: "09:00-17:00", sat: "10:00-12:00"}
 * </pre>
 */
public final class DutyRoster {

    private record Shift(LocalTime from, LocalTime to) {}

    private final ZoneId zone;
    private final Map<String, Map<DayOfWeek, List<Shift>>> hours;
    private final Set<LocalDate> holidays;
    private final List<String> backup;
    private final boolean always;

    private DutyRoster(
            ZoneId zone,
            Map<String, Map<DayOfWeek, List<Shift>>> hours,
            Set<LocalDate> holidays,
            List<String> backup,
            boolean always) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
        this.backup = List.copyOf(backup);
        this.always = always;
    }

    /** No roster: every listed officer is always on duty. */
    public static DutyRoster always(ZoneId zone) {
        return new DutyRoster(zone, Map.of(), Set.of(), List.of(), true);
    }

    /** Reads a roster; a mistake is an IllegalArgumentException naming the file and what is wrong. */
    public static DutyRoster parse(String yaml, String file) {
        return parse(yaml, file, ZoneId.of("UTC"));
    }

    /** As {@link #parse(String, String)}, in {@code missionZone} when the file names no time zone. */
    public static DutyRoster parse(String yaml, String file, ZoneId missionZone) {
        JsonNode root;
        try {
            // A key written twice (the same officer's id) would otherwise silently keep only the last one's hours.
            root = new ObjectMapper(YAMLFactory.builder()
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build())
                    .readTree(yaml);
        } catch (IOException e) {
            if (e instanceof JsonProcessingException parse
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                throw new IllegalArgumentException(
                        file + ": line " + parse.getLocation().getLineNr() + ": "
                                + parse.getOriginalMessage().replace("Duplicate field", "the key")
                                + " is written twice: keep one");
            }
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected time_zone, holidays, backup and officers");
        }
        ZoneId zone;
        try {
            zone = root.hasNonNull("time_zone")
                    ? ZoneId.of(root.path("time_zone").asText())
                    : missionZone;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    file + ": unknown time_zone '" + root.path("time_zone").asText() + "'");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode day : root.path("holidays")) {
            try {
                holidays.add(LocalDate.parse(day.asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(file + ": holiday '" + day.asText() + "' is not a YYYY-MM-DD date");
            }
        }
        List<String> backup = new ArrayList<>();
        root.path("backup").forEach(id -> backup.add(id.asText()));
        Map<String, Map<DayOfWeek, List<Shift>>> hours = new HashMap<>();
        root.path("officers").fields().forEachRemaining(officer -> {
            Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
            officer.getValue()
                    .fields()
                    .forEachRemaining(day -> week.computeIfAbsent(day(day.getKey(), file), d -> new ArrayList<>())
                            .addAll(shifts(day.getValue().asText(), file, officer.getKey())));
            hours.put(officer.getKey(), week);
        });
        return new DutyRoster(zone, hours, holidays, backup, false);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether the officer is on duty at {@code at}. */
    public boolean onDuty(String officerId, Instant at) {
        if (always) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return hours.getOrDefault(officerId, Map.of()).getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(shift -> !time.isBefore(shift.from()) && time.isBefore(shift.to()));
    }

    /** Whether any of the officers is on duty. */
    public boolean staffed(List<Officer> officers, Instant at) {
        return officers.stream().anyMatch(o -> onDuty(o.userId(), at));
    }

    /**
     * Whom an alarm names: the officers on duty; when nobody is, the backup officers; when none is listed, the
     * supervisors; and if there are none, everyone. An urgent ticket always reaches somebody.
     */
    public List<String> toAlert(List<Officer> officers, Instant at) {
        List<String> onDuty = officers.stream()
                .filter(o -> onDuty(o.userId(), at))
                .map(Officer::userId)
                .toList();
        if (!onDuty.isEmpty()) {
            return onDuty;
        }
        List<String> listed =
                officers.stream().map(Officer::userId).filter(backup::contains).toList();
        if (!listed.isEmpty()) {
            return listed;
        }
        List<String> supervisors = officers.stream()
                .filter(Officer::supervisor)
                .map(Officer::userId)
                .toList();
        return supervisors.isEmpty() ? officers.stream().map(Officer::userId).toList() : supervisors;
    }

    private static DayOfWeek day(String name, String file) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            case "sun" -> DayOfWeek.SUNDAY;
            default ->
                throw new IllegalArgumentException(
                        file + ": unknown day '" + name + "' (mon, tue, wed, thu, fri, sat, sun)");
        };
    }

    private static List<Shift> shifts(String text, String file, String officer) {
        List<Shift> shifts = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            try {
                LocalTime from = LocalTime.parse(ends[0].strip());
                LocalTime to = ends[1].strip().equals("24:00") ? LocalTime.MAX : LocalTime.parse(ends[1].strip());
                if (!to.isAfter(from)) {
                    throw new IllegalArgumentException(
                            file + ": officer " + officer + ": '" + part.strip() + "' ends before it starts");
                }
                shifts.add(new Shift(from, to));
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        file + ": officer " + officer + ": '" + part.strip() + "' is not HH:MM-HH:MM");
            }
        }
        return shifts;
    }
}
