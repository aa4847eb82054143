package io.civicpulse.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import io.civicpulse.generate.DepartmentService.DueTime;
import io.civicpulse.generate.SampleCity.DepartmentModel;
import io.civicpulse.generate.SampleCity.DistrictModel;
import io.civicpulse.generate.SampleCity.ServiceModel;
import io.civicpulse.generate.SampleCity.WorkHours;

/**
 * Simulates the sample city one local day at a time. Each day draws from its own random streams derived from the
 * seed and the date, so no generator state runs through the whole range. Events a day causes later (follow-up
 * contacts, survey responses) wait in time-ordered queues until their day comes; nothing else is kept between
 * days, which keeps memory flat however long the range.
 */
final class CitySimulation {

    private static final String[] OUTCOMES_WRITTEN = {"RESOLVED", "NOT_RESOLVED", "REFERRED", "DUPLICATE",
            "CANCELLED"};
    private static final int RESOLVED = 0;
    private static final int NOT_RESOLVED = 1;
    private static final int REFERRED = 2;
    private static final int DUPLICATE = 3;
    private static final int CANCELLED = 4;

    private static final double DUPLICATE_SHARE = 0.03;
    private static final double CANCELLED_SHARE = 0.02;
    /** Closed cases whose system left the outcome empty (the contract reads that as RESOLVED). */
    private static final double EMPTY_OUTCOME = 0.015;
    private static final double FCR_UNRECORDED = 0.12;
    private static final double ORIGIN_CONTACT = 0.80;
    private static final double FOLLOW_UP = 0.22;
    private static final double SECOND_FOLLOW_UP = 0.30;
    private static final double CASE_SURVEY = 0.13;
    private static final double CONTACT_SURVEY = 0.006;
    private static final double PARETO_TAIL = 0.12;
    private static final double PARETO_ALPHA = 1.3;
    private static final long LONGEST_RESOLUTION = 240L * 24 * 3600;
    private static final double[] FOLLOW_UP_CHANNELS = {0.55, 0.20, 0.15, 0.07, 0.03, 0, 0, 0, 0};

    private static final Weighted DISTRICT_CHOICE = new Weighted(
            SampleCity.DISTRICTS.stream().mapToDouble(DistrictModel::population).toArray());
    private static final Weighted DEPARTMENT_CONTACTS = new Weighted(
            SampleCity.DEPARTMENTS.stream().mapToDouble(department -> department.volume().contacts()).toArray());
    private static final Weighted FOLLOW_UP_CHANNEL = new Weighted(FOLLOW_UP_CHANNELS);
    private static final Weighted PHONE_WEEKDAY = new Weighted(SampleCity.PHONE_WEEKDAY_HOURS);
    private static final Weighted PHONE_WEEKEND = new Weighted(SampleCity.PHONE_WEEKEND_HOURS);
    private static final Weighted ONLINE = new Weighted(SampleCity.ONLINE_HOURS);
    private static final Weighted CHAT = new Weighted(SampleCity.CHAT_HOURS);
    private static final Weighted OFFICE = new Weighted(SampleCity.OFFICE_HOURS);
    private static final Weighted NIGHT = new Weighted(SampleCity.NIGHT_HOURS);
    private static final double PHONE_PEAK = Arrays.stream(SampleCity.PHONE_WEEKDAY_HOURS).max().orElseThrow();

    private final GeneratorSettings settings;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final Timestamps timestamps;
    private final long rangeEnd;
    private final PriorityQueue<ContactEvent> pendingContacts = new PriorityQueue<>();
    private final PriorityQueue<SurveyEvent> pendingSurveys = new PriorityQueue<>();
    private long order;

    CitySimulation(GeneratorSettings settings) {
        this.settings = settings;
        this.zone = settings.zone();
        this.rules = zone.getRules();
        this.timestamps = new Timestamps(zone);
        this.rangeEnd = settings.to().plusDays(1).atStartOfDay(zone).toEpochSecond();
    }

    FeedRows.Day simulate(LocalDate day) {
        Today today = new Today(day);
        List<ContactEvent> contacts = new ArrayList<>();
        List<String[]> cases = simulateCases(today, contacts);
        simulateStandaloneContacts(today, contacts);
        while (!pendingContacts.isEmpty() && pendingContacts.peek().at() < today.end) {
            contacts.add(pendingContacts.poll());
        }
        contacts.sort(null);
        List<String[]> contactRows = new ArrayList<>(contacts.size());
        for (ContactEvent contact : contacts) {
            contactRows.add(contactRow(id("CT", today, contactRows.size() + 1), contact));
        }
        List<String[]> surveyRows = new ArrayList<>();
        while (!pendingSurveys.isEmpty() && pendingSurveys.peek().at() < today.end) {
            surveyRows.add(surveyRow(id("SV", today, surveyRows.size() + 1), pendingSurveys.poll()));
        }
        return new FeedRows.Day(contactRows, cases, surveyRows);
    }

    /** What a day needs over and over: its random streams, channel mixes and how to turn local times into instants. */
    private final class Today {
        final LocalDate date;
        final String compactDate;
        final DayOfWeek dayOfWeek;
        final boolean weekend;
        final long start;
        final long end;
        final boolean hasTransition;
        final RandomGenerator caseRandom;
        final RandomGenerator contactRandom;
        final Weighted[] channels = new Weighted[SampleCity.DEPARTMENTS.size()];
        final Weighted caseServices;
        final int[][] caseServiceIndex;

        Today(LocalDate date) {
            this.date = date;
            this.compactDate = date.toString().replace("-", "");
            this.dayOfWeek = date.getDayOfWeek();
            this.weekend = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
            this.start = date.atStartOfDay(zone).toEpochSecond();
            this.end = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
            ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(start - 1));
            this.hasTransition = next != null && next.toEpochSecond() < end + 1;
            this.caseRandom = random(date, 1);
            this.contactRandom = random(date, 2);
            double[] mix = SampleCity.channelMix(date.toEpochDay() - settings.from().toEpochDay());
            for (int d = 0; d < channels.length; d++) {
                double[] tilt = SampleCity.DEPARTMENTS.get(d).channelTilt();
                double[] weights = new double[Channel.COUNT];
                for (Channel channel : Channel.ALL) {
                    weights[channel.ordinal()] = mix[channel.ordinal()] * tilt[channel.ordinal()]
                            * SampleCity.weekendChannelFactor(channel, dayOfWeek);
                }
                channels[d] = new Weighted(weights);
            }
            // one table over (department, service) so that seasonal services change their department's volume
            List<Double> weights = new ArrayList<>();
            List<int[]> index = new ArrayList<>();
            for (int d = 0; d < SampleCity.DEPARTMENTS.size(); d++) {
                DepartmentModel department = SampleCity.DEPARTMENTS.get(d);
                double total = department.services().stream().mapToDouble(ServiceModel::weight).sum();
                for (int s = 0; s < department.services().size(); s++) {
                    weights.add(department.volume().cases()
                            * department.services().get(s).seasonalWeight(date.getMonthValue()) / total);
                    index.add(new int[] {d, s});
                }
            }
            this.caseServices = new Weighted(weights.stream().mapToDouble(Double::doubleValue).toArray());
            this.caseServiceIndex = index.toArray(int[][]::new);
        }

        double volume(RandomGenerator random, double perDay) {
            return settings.scale() * perDay * SampleCity.weekdayVolume(dayOfWeek)
                    * Math.max(0.5, 1 + 0.04 * random.nextGaussian());
        }

        /** A real instant at a random minute and second of {@code hour}, local time. */
        long at(int hour, RandomGenerator random) {
            int minute = random.nextInt(60);
            int second = random.nextInt(60);
            if (!hasTransition) {
                return start + hour * 3600L + minute * 60L + second;
            }
            return instantOf(date, hour, minute, second, random);
        }
    }

    private List<String[]> simulateCases(Today today, List<ContactEvent> contacts) {
        RandomGenerator random = today.caseRandom;
        int count = (int) Weighted.stochasticRound(random, today.volume(random, SampleCity.CASES_PER_DAY));
        long[] opened = new long[count];
        int[] departments = new int[count];
        int[] services = new int[count];
        Channel[] channels = new Channel[count];
        Integer[] byTime = new Integer[count];
        for (int i = 0; i < count; i++) {
            int[] pick = today.caseServiceIndex[today.caseServices.next(random)];
            departments[i] = pick[0];
            services[i] = pick[1];
            channels[i] = Channel.ALL[today.channels[pick[0]].next(random)];
            ServiceModel service = SampleCity.DEPARTMENTS.get(pick[0]).services().get(pick[1]);
            opened[i] = today.at(hourCurve(service, channels[i], today.weekend).next(random), random);
            byTime[i] = i;
        }
        Arrays.sort(byTime, (a, b) -> Long.compare(opened[a], opened[b]));
        List<String[]> rows = new ArrayList<>(count);
        for (int i : byTime) {
            String caseId = id("SR", today, rows.size() + 1);
            rows.add(simulateCase(today, caseId, departments[i], services[i], channels[i], opened[i], contacts));
        }
        return rows;
    }

    private String[] simulateCase(Today today, String caseId, int departmentIndex, int serviceIndex, Channel channel,
            long opened, List<ContactEvent> contacts) {
        RandomGenerator random = today.caseRandom;
        DepartmentModel department = SampleCity.DEPARTMENTS.get(departmentIndex);
        ServiceModel service = department.services().get(serviceIndex);
        DistrictModel district = district(random);
        String districtCode = district == null ? null : district.code();
        long closeWithin = service.service().closeWithin().toSeconds();

        int outcome = outcome(random, department);
        boolean fcr = random.nextDouble() < fcrProbability(service, channel, outcome);
        boolean fcrRecorded = department.outcomes().fcrRecorded() && random.nextDouble() >= FCR_UNRECORDED;
        int reopened = 0;
        long resolution;
        if (fcr) {
            resolution = Math.max(60, (long) Weighted.logNormal(random, 600, 0.6));
        } else {
            resolution = switch (outcome) {
                case DUPLICATE -> (long) Weighted.logNormal(random, 3 * 3600, 1.0);
                case CANCELLED -> (long) Weighted.logNormal(random, 20 * 3600, 1.2);
                default -> {
                    double median = closeWithin * service.medianShare() * department.speed()
                            * (district == null ? 1 : district.slowness()) * (outcome == REFERRED ? 0.5 : 1);
                    double seconds = random.nextDouble() < PARETO_TAIL
                            ? 1.6 * median / Math.pow(1 - random.nextDouble(), 1 / PARETO_ALPHA)
                            : Weighted.logNormal(random, median, 0.85);
                    boolean reopenable = outcome == RESOLVED || outcome == NOT_RESOLVED;
                    if (reopenable && random.nextDouble() < department.outcomes().reopen()) {
                        reopened = random.nextDouble() < 0.8 ? 1 : 2;
                        seconds += reopened * Weighted.logNormal(random, median, 0.7);
                    }
                    yield (long) seconds;
                }
            };
            resolution = Math.max(300, Math.min(LONGEST_RESOLUTION, resolution));
        }
        long closed = fcr ? opened + resolution : intoWorkHours(opened + resolution, department.workHours(), random);
        boolean isClosed = closed < rangeEnd;

        String[] row = new String[FeedRows.CASE_HEADER.length];
        row[0] = caseId;
        row[1] = department.code();
        row[2] = service.name();
        row[3] = channel.name();
        row[4] = districtCode;
        row[5] = timestamps.format(opened, Timestamps.style(random));
        row[6] = isClosed ? timestamps.format(closed, Timestamps.style(random)) : null;
        row[7] = service.service().dueTime() == DueTime.IN_FEED
                ? timestamps.format(opened + closeWithin, Timestamps.style(random))
                : null;
        row[8] = isClosed ? "CLOSED" : "OPEN";
        row[9] = !isClosed || (outcome == RESOLVED && random.nextDouble() < EMPTY_OUTCOME) ? null
                : OUTCOMES_WRITTEN[outcome];
        row[10] = Integer.toString(isClosed ? reopened : 0);
        row[11] = fcrRecorded ? Boolean.toString(fcr && isClosed) : null;

        if (random.nextDouble() < (channel == Channel.OTHER ? 0.3 : ORIGIN_CONTACT)) {
            contacts.add(originContact(today, departmentIndex, channel, districtCode, caseId, opened, random));
        }
        if (random.nextDouble() < FOLLOW_UP) {
            followUp(today, departmentIndex, districtCode, caseId, isClosed ? closed : Long.MAX_VALUE, random);
            if (random.nextDouble() < SECOND_FOLLOW_UP) {
                followUp(today, departmentIndex, districtCode, caseId, isClosed ? closed : Long.MAX_VALUE, random);
            }
        }
        if (isClosed && random.nextDouble() < caseSurveyProbability(channel)) {
            long submitted = closed + Math.max(600, (long) Weighted.logNormal(random, 18 * 3600, 1.1));
            if (submitted < rangeEnd) {
                double ratio = (double) (closed - opened) / closeWithin;
                double mood = department.satisfaction() + (district == null ? 0 : district.satisfaction())
                        + (fcr ? 0.4 : ratio <= 0.5 ? 0.35 : ratio <= 1 ? 0.15
                                : -0.35 - 0.25 * Math.min(3, Math.log(ratio)))
                        + switch (outcome) {
                            case RESOLVED -> 0.2;
                            case NOT_RESOLVED -> -1.0;
                            case REFERRED -> -0.45;
                            case CANCELLED -> -0.5;
                            default -> -0.15;
                        } - 0.4 * reopened;
                pendingSurveys.add(survey(random, submitted, departmentIndex, channel, service.name(), district,
                        caseId, mood));
            }
        }
        return row;
    }

    private void simulateStandaloneContacts(Today today, List<ContactEvent> contacts) {
        RandomGenerator random = today.contactRandom;
        long count = Weighted.stochasticRound(random, today.volume(random, SampleCity.STANDALONE_CONTACTS_PER_DAY));
        for (long i = 0; i < count; i++) {
            int departmentIndex = DEPARTMENT_CONTACTS.next(random);
            DepartmentModel department = SampleCity.DEPARTMENTS.get(departmentIndex);
            Channel channel = Channel.ALL[today.channels[departmentIndex].next(random)];
            int hour = hourCurve(channel, today.weekend).next(random);
            long started = today.at(hour, random);
            DistrictModel district = district(random);
            ContactEvent contact = contact(random, started, departmentIndex, channel, hour, today.dayOfWeek,
                    district == null ? null : district.code(), null, false);
            contacts.add(contact);
            if (!contact.abandoned() && random.nextDouble() < CONTACT_SURVEY) {
                long ended = started + Math.max(0, contact.waitSeconds()) + Math.max(0, contact.handleSeconds());
                long submitted = ended + Math.max(30, (long) Weighted.logNormal(random, 900, 1.5));
                if (submitted < rangeEnd) {
                    int wait = contact.waitSeconds();
                    double waitMood = wait < 0 ? 0.1 : wait < 30 ? 0.25 : wait < 90 ? 0 : wait < 240 ? -0.35 : -0.8;
                    String service = random.nextBoolean() ? null
                            : department.services().get(random.nextInt(department.services().size())).name();
                    pendingSurveys.add(survey(random, submitted, departmentIndex, channel, service, district, null,
                            0.1 + department.satisfaction() + waitMood));
                }
            }
        }
    }

    private ContactEvent originContact(Today today, int departmentIndex, Channel channel, String district,
            String caseId, long opened, RandomGenerator random) {
        int hour = (int) ((Math.max(today.start, opened - 1800) - today.start) / 3600);
        ContactEvent served = contact(random, opened, departmentIndex, channel, Math.min(23, hour), today.dayOfWeek,
                district, caseId, true);
        // the case is created while the person is being served: the contact began before it
        long lead = channel.queued()
                ? Math.max(0, served.waitSeconds())
                        + (long) (Math.max(0, served.handleSeconds()) * (0.3 + 0.6 * random.nextDouble()))
                : random.nextInt(120);
        // a case opened just after midnight began with a contact in the same night, not the day before
        long started = opened - lead >= today.start ? opened - lead
                : today.start + (long) ((opened - today.start) * random.nextDouble());
        return new ContactEvent(started, served.order(), served.department(), channel, served.waitSeconds(),
                served.handleSeconds(), false, district, caseId, served.style());
    }

    private void followUp(Today today, int departmentIndex, String district, String caseId, long closed,
            RandomGenerator random) {
        long days = Math.max(1, Math.round(Weighted.logNormal(random, 2.5, 0.8)));
        LocalDate date = today.date.plusDays(days);
        Channel channel = Channel.ALL[FOLLOW_UP_CHANNEL.next(random)];
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        int hour = hourCurve(channel, weekend).next(random);
        long started = instantOf(date, hour, random.nextInt(60), random.nextInt(60), random);
        // people chase open cases; a few complain after the closure
        boolean chasing = started < closed || started < closed + 3 * 86_400L && random.nextDouble() < 0.3;
        if (!date.isAfter(settings.to()) && chasing) {
            pendingContacts.add(contact(random, started, departmentIndex, channel, hour, date.getDayOfWeek(),
                    district, caseId, false));
        }
    }

    /**
     * Waits follow the channel's queue: a phone call is answered at once or queues log-normally with a heavy tail,
     * both worse at the late-morning peak and on Mondays; a person gives up when their patience runs out first, and
     * then the wait is the time until they did.
     */
    private ContactEvent contact(RandomGenerator random, long started, int departmentIndex, Channel channel, int hour,
            DayOfWeek dayOfWeek, String district, String caseId, boolean served) {
        DepartmentModel department = SampleCity.DEPARTMENTS.get(departmentIndex);
        int wait = -1;
        int handle = -1;
        boolean abandoned = false;
        if (channel.queued()) {
            double waitSeconds;
            double patience;
            switch (channel) {
                case PHONE -> {
                    double load = (0.65 + 0.7 * SampleCity.PHONE_WEEKDAY_HOURS[hour] / PHONE_PEAK)
                            * (dayOfWeek == DayOfWeek.MONDAY ? 1.15 : 1);
                    waitSeconds = random.nextDouble() < department.phone().answeredAtOnce() / load
                            ? 20 * random.nextDouble()
                            : Weighted.logNormal(random, department.phone().queueMedian() * load, 0.8);
                    patience = -1100 * Math.log(1 - random.nextDouble());
                    handle = (int) Weighted.logNormal(random, department.phone().handleMedian(), 0.6);
                }
                case CHAT -> {
                    waitSeconds = Weighted.logNormal(random, 35, 0.7);
                    patience = -900 * Math.log(1 - random.nextDouble());
                    handle = (int) Weighted.logNormal(random, 420, 0.6);
                }
                default -> {
                    // service centres staff like their phone lines
                    waitSeconds = Weighted.logNormal(random, 7 * department.phone().queueMedian(), 0.5);
                    patience = -14_000 * Math.log(1 - random.nextDouble());
                    handle = (int) Weighted.logNormal(random, 600, 0.6);
                }
            }
            if (!served && patience < waitSeconds) {
                abandoned = true;
                handle = -1;
                // some telephony exports lose the timing of abandoned calls
                wait = random.nextDouble() < 0.03 ? -1 : (int) patience;
            } else {
                wait = (int) waitSeconds;
                if (random.nextDouble() < 0.01) {
                    handle = -1;
                }
            }
        } else {
            handle = switch (channel) {
                case EMAIL -> (int) Weighted.logNormal(random, 240, 0.8);
                case MAIL -> (int) Weighted.logNormal(random, 480, 0.6);
                case OTHER -> (int) Weighted.logNormal(random, 300, 0.7);
                case SOCIAL -> random.nextBoolean() ? (int) Weighted.logNormal(random, 120, 0.7) : -1;
                default -> -1;
            };
        }
        return new ContactEvent(started, order++, departmentIndex, channel, wait, handle, abandoned, district, caseId,
                Timestamps.style(random));
    }

    /**
     * Ratings follow one latent mood per response (speed, outcome, department, district plus noise), so CSAT, NPS
     * and CES agree with each other and with how the case went; a comment's tone follows the rating.
     */
    private SurveyEvent survey(RandomGenerator random, long submitted, int departmentIndex, Channel channel,
            String service, DistrictModel district, String caseId, double mood) {
        double z = 0.35 + mood + 0.9 * random.nextGaussian();
        int csat = clamp(Math.round(3.55 + 0.95 * z + 0.35 * random.nextGaussian()), 1, 5);
        int nps = clamp(Math.round(6.8 + 2.1 * z + 0.8 * random.nextGaussian()), 0, 10);
        int ces = clamp(Math.round(4.6 + 1.3 * z + 0.6 * random.nextGaussian()), 1, 7);
        double answered = random.nextDouble();
        if (answered >= 0.80) {
            if (answered < 0.88) {
                nps = -1;
                ces = -1;
            } else if (answered < 0.93) {
                ces = -1;
            } else if (answered < 0.96) {
                csat = -1;
                ces = -1;
            } else if (answered < 0.98) {
                csat = -1;
                nps = -1;
            } else {
                nps = -1;
            }
        }
        double spanishShare = district == null ? SampleCity.UNKNOWN_DISTRICT_SPANISH : district.spanish();
        boolean spanish = random.nextDouble() < spanishShare;
        String comment = null;
        if (random.nextDouble() < 0.40) {
            int sentiment = csat >= 0 ? (csat >= 4 ? 2 : csat == 3 ? 1 : 0)
                    : nps >= 0 ? (nps >= 9 ? 2 : nps >= 7 ? 1 : 0)
                            : (ces >= 6 ? 2 : ces >= 4 ? 1 : 0);
            comment = SurveyComments.comment(random, spanish, sentiment, service);
        }
        return new SurveyEvent(submitted, order++, departmentIndex, channel, service,
                district == null ? null : district.code(), caseId, csat, nps, ces, comment, spanish ? "es" : "en",
                Timestamps.style(random));
    }

    private String[] contactRow(String id, ContactEvent contact) {
        return new String[] {id, SampleCity.DEPARTMENTS.get(contact.department()).code(), contact.channel().name(),
                timestamps.format(contact.at(), contact.style()), number(contact.waitSeconds()),
                number(contact.handleSeconds()),
                Boolean.toString(contact.abandoned()), contact.district(), contact.caseId()};
    }

    private String[] surveyRow(String id, SurveyEvent survey) {
        return new String[] {id, SampleCity.DEPARTMENTS.get(survey.department()).code(), survey.channel().name(),
                timestamps.format(survey.at(), survey.style()), survey.service(), survey.district(), survey.caseId(),
                number(survey.csat()), number(survey.nps()), number(survey.ces()), survey.comment(),
                survey.language()};
    }

    private static int outcome(RandomGenerator random, DepartmentModel department) {
        double u = random.nextDouble();
        if (u < DUPLICATE_SHARE) {
            return DUPLICATE;
        }
        u -= DUPLICATE_SHARE;
        if (u < CANCELLED_SHARE) {
            return CANCELLED;
        }
        u -= CANCELLED_SHARE;
        if (u < department.outcomes().notResolved()) {
            return NOT_RESOLVED;
        }
        u -= department.outcomes().notResolved();
        return u < department.outcomes().referred() ? REFERRED : RESOLVED;
    }

    /** Information requests are often answered on the spot; field work never is, short of a lucky duplicate. */
    private static double fcrProbability(ServiceModel service, Channel channel, int outcome) {
        if (outcome != RESOLVED) {
            return 0;
        }
        if (!service.informational()) {
            return 0.03;
        }
        return switch (channel) {
            case PHONE, WALK_IN, CHAT -> 0.72;
            case EMAIL, WEB -> 0.40;
            default -> 0.25;
        };
    }

    private static double caseSurveyProbability(Channel channel) {
        return CASE_SURVEY * switch (channel) {
            case MOBILE_APP -> 1.4;
            case WEB, EMAIL -> 1.15;
            case MAIL, OTHER -> 0.4;
            default -> 0.9;
        };
    }

    /** Crews and clerks close cases in their working hours; a closure that falls outside waits for the next shift. */
    private long intoWorkHours(long closed, WorkHours hours, RandomGenerator random) {
        if (hours == WorkHours.ANY_TIME) {
            return closed;
        }
        ZonedDateTime local = ZonedDateTime.ofInstant(Instant.ofEpochSecond(closed), zone);
        int open = hours == WorkHours.OFFICE ? 9 : 7;
        int shut = hours == WorkHours.OFFICE ? 17 : 19;
        LocalDate date = local.toLocalDate();
        boolean officeDay = hours != WorkHours.OFFICE || isWeekday(date);
        if (officeDay && local.getHour() >= open && local.getHour() < shut) {
            return closed;
        }
        if (local.getHour() >= open || !officeDay) {
            date = date.plusDays(1);
        }
        while (hours == WorkHours.OFFICE && !isWeekday(date)) {
            date = date.plusDays(1);
        }
        long reopened = ZonedDateTime.ofLocal(LocalDateTime.of(date, LocalTime.of(open, 0)), zone, null)
                .toEpochSecond() + random.nextInt(150 * 60);
        return Math.max(closed, reopened);
    }

    private static boolean isWeekday(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A local time as a real instant; in an autumn overlap either occurrence happens, as in reality. */
    private long instantOf(LocalDate date, int hour, int minute, int second, RandomGenerator random) {
        ZonedDateTime local = ZonedDateTime.ofLocal(LocalDateTime.of(date, LocalTime.of(hour, minute, second)), zone,
                null);
        if (rules.getValidOffsets(local.toLocalDateTime()).size() > 1 && random.nextBoolean()) {
            local = local.withLaterOffsetAtOverlap();
        }
        return local.toEpochSecond();
    }

    private static Weighted hourCurve(Channel channel, boolean weekend) {
        return switch (channel) {
            case PHONE -> weekend ? PHONE_WEEKEND : PHONE_WEEKDAY;
            case WEB, MOBILE_APP, EMAIL, SOCIAL -> ONLINE;
            case CHAT -> CHAT;
            case WALK_IN, MAIL, OTHER -> OFFICE;
        };
    }

    private static Weighted hourCurve(ServiceModel service, Channel channel, boolean weekend) {
        return SampleCity.arrivesAtNight(service, channel) ? NIGHT : hourCurve(channel, weekend);
    }

    private static DistrictModel district(RandomGenerator random) {
        return random.nextDouble() < SampleCity.MISSING_DISTRICT ? null
                : SampleCity.DISTRICTS.get(DISTRICT_CHOICE.next(random));
    }

    private RandomGenerator random(LocalDate date, long stream) {
        return new SplittableRandom(mix(settings.seed() ^ mix(date.toEpochDay() * 0x9E3779B97F4A7C15L + stream)));
    }

    /** SplitMix64's finaliser: neighbouring dates and seeds get unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String id(String prefix, Today today, int sequence) {
        String number = Integer.toString(sequence);
        return prefix + "-" + today.compactDate + "-" + "000000".substring(Math.min(6, number.length())) + number;
    }

    private static String number(int value) {
        return value < 0 ? null : Integer.toString(value);
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
