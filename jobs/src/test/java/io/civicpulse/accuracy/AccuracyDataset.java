package io.civicpulse.accuracy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.civicpulse.support.IndependentKpis;

/**
 * The accuracy test's input folder: the hand-written edge cases under {@code src/test/resources/accuracy/}
 * ({@code *-0-edge.csv}, {@code *-9-late.csv}; each row's {@code note} says what it is for) plus several weeks of
 * generated rows from a fixed seed, which fill the slices so that both small cells (suppressed) and large cells
 * exist, and which on their own bring in every timestamp notation, boolean spelling, duplicate ids within a
 * file and across files (one of them gzip-compressed), open cases across periods, and so on. Every row is valid:
 * the only rows the reject report may name are replaced duplicates.
 */
final class AccuracyDataset {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final long SEED = 20260308L;

    static final List<String> RESOURCES = List.of("contacts-0-edge.csv", "contacts-9-late.csv", "cases-0-edge.csv",
            "cases-9-late.csv", "surveys-0-edge.csv");

    /** Configured close-within durations (kpis.md): cases of other services have a due time only with due_at. */
    static final List<IndependentKpis.ServiceLevel> SERVICE_LEVELS = List.of(
            new IndependentKpis.ServiceLevel("SAN", "Bulky Items", Duration.parse("P5D")),
            new IndependentKpis.ServiceLevel("SAN", "Missed Collection", Duration.parse("PT48H")),
            new IndependentKpis.ServiceLevel("DOT", "Pothole", Duration.parse("P1DT12H")));

    /** As written in the configuration, so the product parses the ISO-8601 text itself. */
    static final Map<String, String> CLOSE_WITHIN_TEXT = Map.of("Bulky Items", "P5D", "Missed Collection", "PT48H",
            "Pothole", "P1DT12H");

    private static final Map<String, List<String>> SERVICES = new LinkedHashMap<>();
    static {
        SERVICES.put("SAN", List.of("Bulky Items", "Missed Collection", "Recycling"));
        SERVICES.put("DOT", List.of("Pothole", "Streetlight", "Graffiti, Removal"));
        SERVICES.put("PARKS", List.of("Tree Trimming", "Park Maintenance"));
        SERVICES.put("HOUSING", List.of("Heat Complaint", "Mold"));
    }

    private static final String[] DEPARTMENTS = { "SAN", "SAN", "SAN", "SAN", "DOT", "DOT", "DOT", "PARKS", "PARKS",
            "HOUSING" };
    private static final String[] CHANNELS = { "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "WEB",
            "WEB", "WEB", "MOBILE_APP", "MOBILE_APP", "EMAIL", "EMAIL", "CHAT", "CHAT", "CHAT", "SOCIAL", "WALK_IN",
            "WALK_IN", "MAIL", "OTHER" };
    private static final String[] DISTRICTS = { "D1", "D1", "D1", "D2", "D2", "D2", "D3", "D3", "Harlem", "" };
    private static final String[] TRUE = { "true", "TRUE", "y", "Y", "yes", "Yes", "1" };
    private static final String[] FALSE = { "false", "False", "n", "N", "no", "NO", "0" };
    private static final String[] OUTCOMES = { "", "", "", "RESOLVED", "RESOLVED", "RESOLVED", "resolved",
            "NOT_RESOLVED", "REFERRED", "DUPLICATE", "CANCELLED", "cancelled" };
    private static final String[] COMMENTS = { "", "", "", "Quick and friendly.", "Took too long, honestly.",
            "Call me at (212) 555-0199 or write to jane.doe@example.org", "Line one\nline two",
            "She said \"we'll see\"", "Pothole at 123 Main Street still there", "¡Muy bien! Ñandú" };
    /** Waits that sit exactly on or next to an answer threshold (defaults and run A's configured ones). */
    private static final long[] EDGE_WAITS = { 0, 29, 30, 31, 44, 45, 46, 59, 60, 61, 899, 900, 901, 3600, 3601 };

    private final Random random = new Random(SEED);
    private int contactId;
    private int caseId;
    private int responseId;

    /** Writes the whole dataset into {@code folder}. */
    static void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : RESOURCES) {
            try (InputStream in = AccuracyDataset.class.getResourceAsStream("/accuracy/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("test resource /accuracy/" + name + " not found");
                }
                Files.copy(in, folder.resolve(name));
            }
        }
        new AccuracyDataset().generate(folder);
    }

    /** Autumn (around the fall-back change) and winter to spring (around the spring-forward change). */
    private void generate(Path folder) throws IOException {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 10, 20); !d.isAfter(LocalDate.of(2025, 11, 10)); d = d.plusDays(1)) {
            days.add(d);
        }
        for (LocalDate d = LocalDate.of(2026, 1, 5); !d.isAfter(LocalDate.of(2026, 4, 12)); d = d.plusDays(1)) {
            days.add(d);
        }

        // contacts: two files, the second gzip-compressed, with its own column order, replacing some ids of the first
        List<String> contactHeader = List.of("contact_id", "department", "channel", "started_at", "wait_seconds",
                "handle_seconds", "abandoned", "district", "case_id");
        List<List<String>> contacts1 = new ArrayList<>();
        List<List<String>> contacts2 = new ArrayList<>();
        for (LocalDate day : days) {
            int n = 18 + random.nextInt(22);
            for (int i = 0; i < n; i++) {
                (day.getDayOfMonth() % 2 == 0 ? contacts1 : contacts2).add(contact("GC" + (++contactId), day));
            }
        }
        withDuplicatesInside(contacts1, row -> contact(row.get(0), dayOf(row.get(3))));
        for (int i = 0; i < 40; i++) {
            List<String> replaced = contacts1.get(random.nextInt(contacts1.size()));
            contacts2.add(contact(replaced.get(0), pick(days)));
        }
        write(folder.resolve("contacts-1-generated.csv"), contactHeader, contacts1, false);
        List<String> reordered = List.of("district", "started_at", "channel", "abandoned", "wait_seconds",
                "department", "contact_id");
        List<List<String>> contacts2Reordered = new ArrayList<>();
        for (List<String> row : contacts2) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < contactHeader.size(); c++) {
                byName.put(contactHeader.get(c), row.get(c));
            }
            contacts2Reordered.add(reordered.stream().map(byName::get).toList());
        }
        write(folder.resolve("contacts-2-generated.csv.gz"), reordered, contacts2Reordered, true);

        // cases: long-open ones from December, a steady flow, then a file of later states for some of them
        List<String> caseHeader = List.of("case_id", "department", "service", "channel", "district", "opened_at",
                "closed_at", "due_at", "status", "outcome", "reopened_count", "first_contact_resolution");
        List<List<String>> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cases.add(caseRow("GK" + (++caseId), LocalDate.of(2025, 12, 1).plusDays(random.nextInt(30)), false));
        }
        for (LocalDate day : days) {
            int n = 6 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                cases.add(caseRow("GK" + (++caseId), day, random.nextInt(100) < 80));
            }
        }
        withDuplicatesInside(cases, row -> caseRow(row.get(0), dayOf(row.get(5)), random.nextBoolean()));
        List<List<String>> updates = new ArrayList<>();
        for (List<String> row : cases) {
            if (random.nextInt(100) < 6) {
                updates.add(caseRow(row.get(0), dayOf(row.get(5)), random.nextInt(100) < 70));
            }
        }
        write(folder.resolve("cases-1-generated.csv"), caseHeader, cases, false);
        write(folder.resolve("cases-2-updates.csv"), caseHeader, updates, false);

        // surveys: two files, the second replacing some responses of the first
        List<String> surveyHeader = List.of("response_id", "department", "channel", "submitted_at", "service",
                "district", "case_id", "csat", "nps", "ces", "comment", "language");
        List<List<String>> surveys1 = new ArrayList<>();
        List<List<String>> surveys2 = new ArrayList<>();
        for (LocalDate day : days) {
            int n = 5 + random.nextInt(9);
            for (int i = 0; i < n; i++) {
                (random.nextInt(100) < 85 ? surveys1 : surveys2).add(survey("GS" + (++responseId), day));
            }
        }
        withDuplicatesInside(surveys1, row -> survey(row.get(0), dayOf(row.get(3))));
        for (int i = 0; i < 25; i++) {
            surveys2.add(survey(surveys1.get(random.nextInt(surveys1.size())).get(0), pick(days)));
        }
        write(folder.resolve("surveys-1-generated.csv"), surveyHeader, surveys1, false);
        write(folder.resolve("surveys-2-generated.csv"), surveyHeader, surveys2, false);
    }

    private List<String> contact(String id, LocalDate day) {
        String channel = pick(CHANNELS);
        LocalDateTime started = day.atTime(randomTime());
        boolean queue = switch (channel) {
            case "PHONE", "CHAT", "WALK_IN" -> random.nextInt(100) < 92;
            case "EMAIL" -> random.nextInt(100) < 50;
            case "SOCIAL" -> random.nextInt(100) < 40;
            default -> random.nextInt(100) < 4;
        };
        String wait = "";
        boolean abandoned = false;
        if (queue) {
            abandoned = random.nextInt(100) < 11;
            boolean withWait = !abandoned || random.nextBoolean();
            if (withWait) {
                long max = switch (channel) {
                    case "PHONE" -> 120;
                    case "CHAT" -> 200;
                    case "WALK_IN" -> 2400;
                    case "EMAIL" -> 9000;
                    default -> 600;
                };
                wait = Long.toString(random.nextInt(100) < 25 ? EDGE_WAITS[random.nextInt(EDGE_WAITS.length)]
                        : (long) (random.nextDouble() * random.nextDouble() * max));
            }
        }
        return List.of(id, code(pick(DEPARTMENTS)), code(channel), local(started), wait,
                random.nextInt(100) < 50 ? Integer.toString(random.nextInt(900)) : "", bool(abandoned, false),
                pick(DISTRICTS), random.nextInt(100) < 30 ? "GK" + (1 + random.nextInt(Math.max(1, caseId))) : "");
    }

    private List<String> caseRow(String id, LocalDate day, boolean closed) {
        String department = pick(DEPARTMENTS);
        String service = pick(SERVICES.get(department));
        LocalDateTime openedLocal = day.atTime(randomTime());
        Instant opened = openedLocal.atZone(ZONE).toInstant();
        Instant due = null;
        String dueText = "";
        if (random.nextInt(100) < 30) {
            due = opened.plus(Duration.ofMinutes(30 + random.nextInt(12 * 24 * 60)));
            dueText = format(due);
        } else {
            for (IndependentKpis.ServiceLevel level : SERVICE_LEVELS) {
                if (level.department().equals(department) && level.service().equals(service)) {
                    due = opened.plus(level.closeWithin());
                }
            }
        }
        String closedText = "";
        String outcome = "";
        if (closed) {
            int shape = random.nextInt(100);
            Instant closedAt;
            if (shape < 4) {
                closedAt = opened;
            } else if (shape < 14 && due != null) {
                closedAt = due; // exactly at the due time: on time
            } else if (shape < 18 && due != null) {
                closedAt = due.plusSeconds(1);
            } else {
                double hours = -Math.log(1 - random.nextDouble()) * 70;
                closedAt = opened.plusMillis((long) (hours * 3_600_000));
            }
            closedText = format(closedAt);
            outcome = pick(OUTCOMES);
        }
        String reopened = switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> Integer.toString(1 + random.nextInt(3));
            default -> "0";
        };
        String fcr = random.nextInt(100) < 30 ? "" : bool(random.nextInt(100) < 45, true);
        return List.of(id, code(department), service, code(pick(CHANNELS)), pick(DISTRICTS), local(openedLocal),
                closedText, dueText, closed ? pick(new String[] { "CLOSED", "closed" }) : "OPEN", outcome, reopened,
                fcr);
    }

    private List<String> survey(String id, LocalDate day) {
        String department = pick(DEPARTMENTS);
        boolean csat;
        boolean nps;
        boolean ces;
        do {
            csat = random.nextInt(100) < 75;
            nps = random.nextInt(100) < 60;
            ces = random.nextInt(100) < 45;
        } while (!csat && !nps && !ces);
        return List.of(id, code(department), code(pick(CHANNELS)), local(day.atTime(randomTime())),
                random.nextInt(100) < 20 ? "" : pick(SERVICES.get(department)), pick(DISTRICTS),
                random.nextInt(100) < 40 ? "GK" + (1 + random.nextInt(Math.max(1, caseId))) : "",
                csat ? Integer.toString(1 + random.nextInt(5)) : "", nps ? Integer.toString(random.nextInt(11)) : "",
                ces ? Integer.toString(1 + random.nextInt(7)) : "", pick(COMMENTS),
                pick(new String[] { "en", "en", "es", "", "ZH" }));
    }

    /** A few rows get a later row with the same id in the same file (which then wins). */
    private void withDuplicatesInside(List<List<String>> rows, Function<List<String>, List<String>> again) {
        int n = rows.size();
        for (int i = 0; i < n / 40; i++) {
            int at = random.nextInt(n);
            rows.add(Math.min(rows.size(), at + 1 + random.nextInt(200)), again.apply(rows.get(at)));
        }
    }

    /** Mostly office hours, but every hour of the night too, so the daylight-saving gap and overlap get rows. */
    private LocalTime randomTime() {
        int hour = random.nextInt(100) < 70 ? 7 + random.nextInt(13) : random.nextInt(24);
        return LocalTime.of(hour, random.nextInt(60), random.nextInt(60),
                random.nextInt(100) < 10 ? random.nextInt(1000) * 1_000_000 : 0);
    }

    /** A local date-time as written by a source system: local (T or space), with its offset, as Z, or another offset. */
    private String local(LocalDateTime local) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> local.toString().length() == 16 ? local + ":00" : local.toString();
            case 3 -> (local.toString().length() == 16 ? local + ":00" : local.toString()).replace('T', ' ');
            default -> format(local.atZone(ZONE).toInstant());
        };
    }

    /** An instant in a notation that means exactly that instant. */
    private String format(Instant instant) {
        ZonedDateTime zoned = instant.atZone(ZONE);
        DateTimeFormatter offset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]xxx");
        return switch (random.nextInt(5)) {
            case 0 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]'Z'").format(
                    instant.atOffset(ZoneOffset.UTC));
            case 1 -> offset.format(instant.atOffset(ZoneOffset.ofHours(2)));
            case 2 -> offset.format(zoned.toOffsetDateTime());
            default -> {
                // local notation only where it reads back as the same instant (not the later hour of an overlap)
                LocalDateTime local = zoned.toLocalDateTime();
                yield local.atZone(ZONE).toInstant().equals(instant)
                        ? DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]").format(local)
                        : offset.format(zoned.toOffsetDateTime());
            }
        };
    }

    private static LocalDate dayOf(String timestamp) {
        String t = timestamp.replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return OffsetDateTime.parse(t).atZoneSameInstant(ZONE).toLocalDate();
        }
        return LocalDateTime.parse(t).toLocalDate();
    }

    private String code(String code) {
        return switch (random.nextInt(20)) {
            case 0 -> code.toLowerCase();
            case 1 -> " " + code + " ";
            default -> code;
        };
    }

    private String bool(boolean value, boolean alwaysSpelled) {
        if (!value && !alwaysSpelled && random.nextInt(100) < 60) {
            return "";
        }
        return value ? pick(TRUE) : pick(FALSE);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void write(Path file, List<String> header, List<List<String>> rows, boolean gzip)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
