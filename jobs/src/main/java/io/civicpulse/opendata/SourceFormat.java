package io.civicpulse.opendata;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The open-data exports {@code import --format=F} understands, each with the time zone its times are local to. */
public enum SourceFormat {
    NYC311("nyc311", ZoneId.of("America/New_York")),
    LA311("la311", ZoneId.of("America/Los_Angeles")),
    BOSTON311("boston311", ZoneId.of("America/New_York")),
    /** Open311 GeoReport v2: its times carry an offset, so the zone only matters for one that lacks it. */
    OPEN311("open311", null);

    private final String option;
    private final ZoneId cityZone;

    SourceFormat(String option, ZoneId cityZone) {
        this.option = option;
        this.cityZone = cityZone;
    }

    /** The value of {@code --format}. */
    public String option() {
        return option;
    }

    /** The zone the export's local times are in, when the format belongs to one city. */
    public Optional<ZoneId> cityZone() {
        return Optional.ofNullable(cityZone);
    }

    public static Optional<SourceFormat> ofOption(String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.option.equals(wanted)).findFirst();
    }
}
