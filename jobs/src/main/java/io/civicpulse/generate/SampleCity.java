package io.civicpulse.generate;

import static io.civicpulse.generate.DepartmentService.DueTime.CONFIGURED;
import static io.civicpulse.generate.DepartmentService.DueTime.IN_FEED;
import static io.civicpulse.generate.DepartmentService.DueTime.NONE;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.civicpulse.generate.DepartmentService.DueTime;

/**
 * The sample city the generator simulates: departments, services, districts and the behaviour behind their
 * numbers. The parameters are chosen so that the dashboard shows a plausible mix: fast and slow departments,
 * two districts clearly worse than the rest, a phone line drifting to digital.
 */
final class SampleCity {

    /** When a department's crews or clerks close cases; closures outside it wait for the next opening. */
    enum WorkHours {
        ANY_TIME, DAYTIME, OFFICE
    }

    /** How a service's volume moves through the year (heat complaints in winter, noise in summer). */
    enum Season {
        FLAT, WINTER, SUMMER
    }

    record ServiceModel(DepartmentService service, double weight, double medianShare, boolean informational,
            boolean nightly, Season season) {

        String name() {
            return service.name();
        }

        double seasonalWeight(int month) {
            return switch (season) {
                case FLAT -> weight;
                // heating season in the north-east runs October to May
                case WINTER -> weight * switch (month) {
                    case 12, 1, 2 -> 3.0;
                    case 11, 3 -> 2.2;
                    case 10, 4 -> 1.2;
                    default -> 0.25;
                };
                case SUMMER -> weight * switch (month) {
                    case 6, 7, 8 -> 1.35;
                    case 5, 9 -> 1.15;
                    case 12, 1, 2 -> 0.7;
                    default -> 0.9;
                };
            };
        }
    }

    /**
     * {@code speed} multiplies every service's typical resolution time (above 1 = slower than its service levels
     * allow for); {@code satisfaction} shifts how residents rate the department.
     */
    record DepartmentModel(String code, String name, Volume volume, double speed, double satisfaction,
            PhoneLine phone, Outcomes outcomes, WorkHours workHours, double[] channelTilt,
            List<ServiceModel> services) {

        Department department() {
            return new Department(code, name, services.stream().map(ServiceModel::service).toList());
        }
    }

    /** The department's share of the city's cases and of its contacts, in percent. */
    record Volume(double cases, double contacts) {
    }

    /**
     * A call is answered at once with probability {@code answeredAtOnce} (an agent was free), otherwise it queues
     * for a log-normal time around {@code queueMedian} seconds: well-staffed lines meet a 30-second service level,
     * understaffed ones do not.
     */
    record PhoneLine(double answeredAtOnce, double queueMedian, double handleMedian) {
    }

    /**
     * Shares of closed cases left unresolved or referred elsewhere, of cases reopened, and whether the department's
     * system records first-contact resolution at all.
     */
    record Outcomes(double notResolved, double referred, double reopen, boolean fcrRecorded) {
    }

    record DistrictModel(String code, double population, double slowness, double satisfaction, double spanish) {
    }

    static final List<DepartmentModel> DEPARTMENTS = departments();

    /** Uneven population; CD05 and CD09 are under-served (slower crews, lower ratings). */
    static final List<DistrictModel> DISTRICTS = List.of(
            new DistrictModel("CD01", 1.3, 1.00, 0.05, 0.15),
            new DistrictModel("CD02", 0.7, 0.90, 0.15, 0.12),
            new DistrictModel("CD03", 1.1, 1.00, 0.00, 0.42),
            new DistrictModel("CD04", 0.9, 0.95, 0.05, 0.20),
            new DistrictModel("CD05", 1.6, 1.6, -0.25, 0.38),
            new DistrictModel("CD06", 0.8, 0.90, 0.10, 0.10),
            new DistrictModel("CD07", 1.0, 1.05, 0.00, 0.40),
            new DistrictModel("CD08", 1.2, 1.00, 0.05, 0.20),
            new DistrictModel("CD09", 0.6, 2.1, -0.35, 0.33),
            new DistrictModel("CD10", 1.4, 1.00, 0.00, 0.18),
            new DistrictModel("CD11", 0.9, 0.95, 0.05, 0.25),
            new DistrictModel("CD12", 0.5, 0.85, 0.10, 0.22));

    /** Share of rows whose source system lost the district. */
    static final double MISSING_DISTRICT = 0.02;

    /** Spanish share where the district is unknown. */
    static final double UNKNOWN_DISTRICT_SPANISH = 0.25;

    static final double CASES_PER_DAY = 1_000;
    static final double CONTACTS_PER_DAY = 6_000;

    /**
     * Contacts that neither open nor follow up a case (information calls, abandoned calls, web look-ups);
     * together with the ~0.9 contacts per case that open or chase it they make up {@link #CONTACTS_PER_DAY}.
     */
    static final double STANDALONE_CONTACTS_PER_DAY = 5_080;

    /** Relative volume Monday..Sunday; normalised so that a full week averages the daily targets. */
    private static final double[] WEEKDAY_VOLUME = {1.16, 1.10, 1.07, 1.04, 0.98, 0.70, 0.60};
    private static final double WEEKDAY_VOLUME_MEAN = 6.65 / 7;

    static double weekdayVolume(DayOfWeek day) {
        return WEEKDAY_VOLUME[day.getValue() - 1] / WEEKDAY_VOLUME_MEAN;
    }

    /**
     * Channel mix at the start of the range and its change per quarter elapsed: the phone loses ten points a
     * quarter to web and app, as a city promoting its app would see.
     */
    private static final double[] CHANNEL_BASE = {0.550, 0.190, 0.090, 0.047, 0.030, 0.015, 0.055, 0.020, 0.003};
    private static final double[] CHANNEL_DRIFT = {-0.100, 0.050, 0.040, 0.000, 0.010, 0.005, -0.005, 0.000, 0.000};
    /** The drift levels off after a quarter and a half so that a year-long sample stays plausible. */
    private static final double MAX_DRIFT_QUARTERS = 1.5;

    static double[] channelMix(long daysSinceStart) {
        double quarters = Math.min(MAX_DRIFT_QUARTERS, daysSinceStart / 91.0);
        double[] mix = new double[Channel.COUNT];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = CHANNEL_BASE[i] + CHANNEL_DRIFT[i] * quarters;
        }
        return mix;
    }

    /** Walk-in centres and the mail room are mostly closed at weekends; libraries keep some walk-ins. */
    static double weekendChannelFactor(Channel channel, DayOfWeek day) {
        boolean saturday = day == DayOfWeek.SATURDAY;
        boolean sunday = day == DayOfWeek.SUNDAY;
        if (!saturday && !sunday) {
            return 1;
        }
        return switch (channel) {
            case WALK_IN -> saturday ? 0.25 : 0.08;
            case MAIL -> 0.0;
            case OTHER -> 0.2;
            case WEB, MOBILE_APP, SOCIAL -> 1.3;
            default -> 1;
        };
    }

    /** Hour-of-day arrival curves (0..23, local); relative weights. */
    static final double[] PHONE_WEEKDAY_HOURS = {0.25, 0.15, 0.10, 0.08, 0.10, 0.25, 0.70, 1.8, 3.8, 5.6, 6.6, 6.9,
            6.1, 6.2, 5.9, 5.4, 4.7, 3.4, 2.2, 1.6, 1.2, 0.9, 0.6, 0.4};
    static final double[] PHONE_WEEKEND_HOURS = {0.45, 0.30, 0.20, 0.12, 0.10, 0.15, 0.35, 0.8, 1.8, 3.0, 3.8, 4.1,
            4.0, 3.8, 3.6, 3.3, 3.0, 2.6, 2.1, 1.7, 1.4, 1.1, 0.8, 0.6};
    static final double[] ONLINE_HOURS = {0.9, 0.55, 0.35, 0.28, 0.30, 0.50, 1.0, 2.0, 3.0, 3.8, 4.2, 4.4, 4.2, 4.0,
            3.9, 3.8, 3.7, 3.6, 3.7, 3.9, 3.8, 3.2, 2.3, 1.5};
    static final double[] CHAT_HOURS = {0, 0, 0, 0, 0, 0, 0, 0, 2.5, 4.0, 4.6, 4.8, 4.4, 4.3, 4.2, 4.0, 3.7, 3.2,
            2.6, 2.0, 0, 0, 0, 0};
    static final double[] OFFICE_HOURS = {0, 0, 0, 0, 0, 0, 0, 0, 0.3, 3.5, 4.6, 4.8, 4.2, 4.4, 4.3, 4.0, 3.2, 0.4,
            0, 0, 0, 0, 0, 0};
    /** Noise and parking complaints come in the evening and at night. */
    static final double[] NIGHT_HOURS = {4.2, 3.4, 2.2, 1.2, 0.6, 0.4, 0.5, 0.9, 1.2, 1.3, 1.3, 1.4, 1.5, 1.5, 1.6,
            1.8, 2.0, 2.3, 2.8, 3.2, 3.7, 4.2, 4.8, 4.9};

    /** A nightly service's requests follow the night curve on the channels that are open around the clock. */
    static boolean arrivesAtNight(ServiceModel service, Channel channel) {
        return service.nightly() && (channel == Channel.PHONE || channel == Channel.WEB
                || channel == Channel.MOBILE_APP || channel == Channel.SOCIAL);
    }

    private SampleCity() {
    }

    private static List<DepartmentModel> departments() {
        List<DepartmentModel> all = new ArrayList<>();
        all.add(department("SAN", "Department of Sanitation", new Volume(20, 16),
                0.75, 0.15, new PhoneLine(0.25, 90, 210), new Outcomes(0.03, 0.02, 0.04, true), WorkHours.DAYTIME,
                tilt(Channel.MOBILE_APP, 1.3, Channel.SOCIAL, 1.5),
                service("Missed Collection", "P2D", IN_FEED, 40, 0.30),
                service("Bulky Items", "P5D", CONFIGURED, 25, 0.35),
                service("Illegal Dumping", "P7D", IN_FEED, 15, 0.30),
                service("Overflowing Litter Basket", "P3D", IN_FEED, 12, 0.25),
                service("Dead Animal", "P2D", CONFIGURED, 8, 0.25)));
        all.add(department("DOT", "Department of Transportation", new Volume(11, 8),
                1.60, -0.25, new PhoneLine(0.35, 70, 240), new Outcomes(0.05, 0.05, 0.06, true), WorkHours.DAYTIME,
                tilt(Channel.MOBILE_APP, 1.5, Channel.SOCIAL, 2.0),
                service("Pothole", "P10D", IN_FEED, 40, 0.32),
                service("Streetlight Out", "P7D", CONFIGURED, 25, 0.30),
                service("Traffic Signal", "PT24H", IN_FEED, 15, 0.25),
                service("Sidewalk Repair", "P60D", CONFIGURED, 10, 0.40),
                service("Street Sign Damaged", "P14D", NONE, 10, 0.30)));
        all.add(department("PRK", "Department of Parks and Recreation", new Volume(5, 4),
                1.05, 0.10, new PhoneLine(0.5, 50, 200), new Outcomes(0.04, 0.03, 0.03, true), WorkHours.DAYTIME,
                tilt(Channel.MOBILE_APP, 1.3, Channel.SOCIAL, 2.0),
                service("Fallen Tree", "P3D", IN_FEED, 30, 0.30),
                service("Tree Pruning", "P30D", CONFIGURED, 25, 0.35),
                service("Park Maintenance", "P14D", CONFIGURED, 30, 0.30),
                service("Playground Repair", "P14D", IN_FEED, 15, 0.30)));
        all.add(department("HPD", "Department of Housing Preservation and Development", new Volume(15, 14),
                1.45, -0.30, new PhoneLine(0.1, 120, 330), new Outcomes(0.10, 0.03, 0.09, true), WorkHours.DAYTIME,
                tilt(Channel.PHONE, 1.2, Channel.WALK_IN, 0.8),
                seasonal(service("Heat/Hot Water", "P1D", IN_FEED, 35, 0.35), Season.WINTER),
                service("Plumbing", "P14D", IN_FEED, 20, 0.30),
                service("Pests", "P21D", CONFIGURED, 15, 0.30),
                service("Paint/Plaster", "P30D", CONFIGURED, 12, 0.30),
                service("Mold", "P30D", CONFIGURED, 10, 0.35),
                service("Door/Window", "P21D", NONE, 8, 0.30)));
        all.add(department("DOB", "Department of Buildings", new Volume(6, 6),
                1.80, -0.20, new PhoneLine(0.2, 95, 300), new Outcomes(0.06, 0.04, 0.07, true), WorkHours.OFFICE,
                tilt(Channel.WEB, 1.3, Channel.EMAIL, 1.5),
                service("Illegal Construction", "P10D", IN_FEED, 30, 0.30),
                service("Work Without Permit", "P14D", CONFIGURED, 25, 0.30),
                service("Elevator", "P10D", CONFIGURED, 20, 0.30),
                service("Unsafe Building", "P2D", IN_FEED, 15, 0.30),
                info(service("Permit Inquiry", "P3D", CONFIGURED, 10, 0.25))));
        all.add(department("DEP", "Department of Environmental Protection", new Volume(8, 7),
                0.70, 0.10, new PhoneLine(0.4, 60, 220), new Outcomes(0.04, 0.03, 0.04, true), WorkHours.ANY_TIME,
                tilt(Channel.PHONE, 1.2),
                service("Water Leak", "P2D", IN_FEED, 30, 0.30),
                service("Sewer Backup", "PT24H", IN_FEED, 25, 0.30),
                service("Hydrant", "P3D", CONFIGURED, 15, 0.30),
                service("Catch Basin Clogged", "P7D", CONFIGURED, 15, 0.30),
                service("Water Quality", "P3D", NONE, 15, 0.30)));
        all.add(department("DOH", "Department of Health", new Volume(6, 5),
                1.05, 0.00, new PhoneLine(0.3, 75, 260), new Outcomes(0.05, 0.08, 0.04, true), WorkHours.OFFICE,
                tilt(Channel.WEB, 1.2),
                service("Rodents", "P10D", IN_FEED, 40, 0.30),
                service("Food Establishment", "P14D", IN_FEED, 30, 0.30),
                service("Food Poisoning", "P5D", CONFIGURED, 10, 0.30),
                service("Air Quality", "P14D", CONFIGURED, 10, 0.30),
                service("Smoking Complaint", "P14D", NONE, 10, 0.30)));
        all.add(department("DOF", "Department of Finance", new Volume(6, 14),
                0.90, 0.05, new PhoneLine(0.15, 105, 420), new Outcomes(0.04, 0.02, 0.03, true), WorkHours.OFFICE,
                tilt(Channel.WEB, 1.6, Channel.EMAIL, 1.5, Channel.MAIL, 4.0, Channel.WALK_IN, 1.5,
                        Channel.MOBILE_APP, 0.5),
                info(service("Property Tax Inquiry", "P5D", CONFIGURED, 30, 0.25)),
                service("Parking Ticket Dispute", "P30D", IN_FEED, 30, 0.30),
                info(service("Payment Issue", "P7D", CONFIGURED, 25, 0.30)),
                service("Exemption Application", "P30D", IN_FEED, 15, 0.35)));
        all.add(department("LIB", "Public Library", new Volume(3, 7),
                0.50, 0.45, new PhoneLine(0.7, 40, 150), new Outcomes(0.02, 0.02, 0.01, true), WorkHours.DAYTIME,
                tilt(Channel.WALK_IN, 5.0, Channel.CHAT, 2.0, Channel.EMAIL, 1.5),
                info(service("Library Card", "P1D", CONFIGURED, 30, 0.25)),
                info(service("Holds and Renewals", "P2D", CONFIGURED, 30, 0.25)),
                service("Facility Issue", "P7D", IN_FEED, 20, 0.30),
                info(service("Program Information", "P3D", NONE, 20, 0.25))));
        all.add(department("NYPD", "Police Department (non-emergency)", new Volume(20, 19),
                0.60, -0.10, new PhoneLine(0.68, 45, 150), new Outcomes(0.18, 0.03, 0.02, false), WorkHours.ANY_TIME,
                tilt(Channel.PHONE, 1.2, Channel.MOBILE_APP, 1.3, Channel.WALK_IN, 0.1, Channel.MAIL, 0.1),
                seasonal(night(service("Noise - Residential", "PT8H", IN_FEED, 40, 0.30)), Season.SUMMER),
                seasonal(night(service("Noise - Street/Sidewalk", "PT8H", IN_FEED, 15, 0.30)), Season.SUMMER),
                night(service("Illegal Parking", "PT8H", IN_FEED, 22, 0.30)),
                night(service("Blocked Driveway", "PT8H", IN_FEED, 18, 0.30)),
                service("Abandoned Vehicle", "P7D", CONFIGURED, 5, 0.30)));
        return List.copyOf(all);
    }

    private static DepartmentModel department(String code, String name, Volume volume, double speed,
            double satisfaction, PhoneLine phone, Outcomes outcomes, WorkHours hours, double[] tilt,
            ServiceModel... services) {
        return new DepartmentModel(code, name, volume, speed, satisfaction, phone, outcomes, hours, tilt,
                List.of(services));
    }

    private static ServiceModel service(String name, String closeWithin, DueTime dueTime, double weight,
            double medianShare) {
        return new ServiceModel(new DepartmentService(name, Duration.parse(closeWithin), dueTime), weight,
                medianShare, false, false, Season.FLAT);
    }

    private static ServiceModel info(ServiceModel s) {
        return new ServiceModel(s.service(), s.weight(), s.medianShare(), true, s.nightly(), s.season());
    }

    private static ServiceModel night(ServiceModel s) {
        return new ServiceModel(s.service(), s.weight(), s.medianShare(), s.informational(), true, s.season());
    }

    private static ServiceModel seasonal(ServiceModel s, Season season) {
        return new ServiceModel(s.service(), s.weight(), s.medianShare(), s.informational(), s.nightly(), season);
    }

    private static double[] tilt(Object... channelFactorPairs) {
        double[] tilt = new double[Channel.COUNT];
        java.util.Arrays.fill(tilt, 1.0);
        for (int i = 0; i < channelFactorPairs.length; i += 2) {
            tilt[((Channel) channelFactorPairs[i]).ordinal()] = (Double) channelFactorPairs[i + 1];
        }
        return tilt;
    }
}
