package io.civicpulse.generate;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Free-text survey comments in English and Spanish, matching the rating. Some deliberately carry personal data
 * (e-mail addresses, phone numbers, street addresses) because residents write them and the product must mask
 * them; all of it is fictitious: reserved {@code example.*} domains, 555-01xx numbers.
 */
final class SurveyComments {

    static final int NEGATIVE = 0;
    static final int NEUTRAL = 1;
    static final int POSITIVE = 2;

    /** Share of comments that carry personal data. */
    private static final double PERSONAL_DATA = 0.12;
    /** Share of comments spread over two lines, which RFC 4180 allows inside a quoted cell. */
    private static final double MULTI_LINE = 0.01;

    private static final String[][] ENGLISH = {
            {
                    "Nobody ever showed up and the case was closed anyway.",
                    "I called three times and was on hold for over 20 minutes each time.",
                    "The problem is still there. Closing the ticket doesn't fix it.",
                    "Very frustrating, I was transferred between departments and no one took responsibility.",
                    "Still waiting. This is the second time I report the same issue.",
                    "The app said \"resolved\" but nothing was done.",
                    "My %s request was closed without anyone coming out.",
                    "Took weeks. Unacceptable for something this simple.",
                    "No one called me back, as usual.",
            },
            {
                    "It got done eventually, but nobody told me when to expect it.",
                    "OK service. The website could be easier to use.",
                    "Took a while to get through on the phone, but the issue was handled.",
                    "Fine, although I had to explain the problem twice.",
                    "Not bad. Would be nice to get a text when the case is closed.",
                    "Reported a %s issue. It was fixed, just slower than I hoped.",
                    "Average. The status page never updated.",
            },
            {
                    "Quick response, thank you!",
                    "Very happy with how fast the crew came out.",
                    "The person who helped me was friendly and knew exactly what to do.",
                    "Great service, much better than last time.",
                    "Fixed within a day. Impressed.",
                    "Thanks to the team, everything is back to normal on our block.",
                    "Easy to report through the app, and I got updates the whole way.",
                    "My %s request was handled faster than I expected. Thanks!",
            },
    };

    private static final String[][] SPANISH = {
            {
                    "Nadie vino y cerraron el caso de todos modos.",
                    "Llamé varias veces y nadie me dio una respuesta.",
                    "El problema sigue igual. Muy decepcionada.",
                    "No había nadie que hablara español en la línea, fue muy difícil.",
                    "Tardaron semanas, es inaceptable.",
                    "La aplicación dice \"resuelto\" pero no hicieron nada.",
            },
            {
                    "Se resolvió, pero tardaron más de lo esperado.",
                    "El servicio estuvo bien, aunque nadie me avisó cuando cerraron el caso.",
                    "Tuve que esperar bastante en el teléfono.",
                    "Regular. La página web es confusa.",
            },
            {
                    "Respondieron muy rápido, muchas gracias.",
                    "La persona que me atendió fue muy amable y resolvió todo en la llamada.",
                    "Excelente servicio, el problema se arregló en un día.",
                    "Fue fácil reportarlo por la aplicación.",
                    "Muy buen trabajo del equipo, gracias.",
            },
    };

    private static final String[] EMAIL_NAMES = {"maria.gonzalez", "jsmith84", "d.okafor", "lwong", "carlos.r.diaz",
            "priya.n", "tom.obrien", "ana_perez77", "kim.sook", "rjohnson", "fatima.b", "mike.t.22"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org", "mail.example.com"};
    private static final String[] AREA_CODES = {"212", "718", "347", "646", "917"};
    private static final String[] STREETS = {"Main St", "Grand Ave", "W 4th Street", "Broadway", "Jerome Ave",
            "Atlantic Avenue", "E 149th St", "Ocean Pkwy", "Linden Blvd", "Fulton Street", "Elm St", "Park Place"};

    private SurveyComments() {
    }

    static String comment(RandomGenerator random, boolean spanish, int sentiment, String service) {
        String[] pool = (spanish ? SPANISH : ENGLISH)[sentiment];
        String text = pool[random.nextInt(pool.length)];
        if (text.contains("%s")) {
            text = text.formatted(service == null ? "service" : service.toLowerCase(Locale.ROOT));
        }
        if (random.nextDouble() < PERSONAL_DATA) {
            text = text + (random.nextDouble() < MULTI_LINE * 10 ? "\n" : " ") + personalData(random, spanish);
        } else if (random.nextDouble() < MULTI_LINE) {
            text = text + "\n" + (spanish ? "Gracias." : "Thanks.");
        }
        return text;
    }

    private static String personalData(RandomGenerator random, boolean spanish) {
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> (spanish ? "Mi correo es " : "You can email me at ") + email(random) + ".";
            case 8, 9, 10, 11, 12, 13, 14 -> (spanish ? "Llámenme al " : "Please call me back at ") + phone(random)
                    + (spanish ? ", por favor." : ".");
            default -> (spanish ? "El problema está frente al " : "The problem is in front of ") + address(random)
                    + ".";
        };
    }

    private static String email(RandomGenerator random) {
        return EMAIL_NAMES[random.nextInt(EMAIL_NAMES.length)] + "@"
                + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)];
    }

    private static String phone(RandomGenerator random) {
        String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        String line = "01" + (random.nextInt(90) + 10);
        return switch (random.nextInt(5)) {
            case 0, 1 -> "(" + area + ") 555-" + line;
            case 2 -> area + "-555-" + line;
            case 3 -> area + ".555." + line;
            default -> "+1 " + area + " 555 " + line;
        };
    }

    private static String address(RandomGenerator random) {
        return (random.nextInt(2990) + 10) + " " + STREETS[random.nextInt(STREETS.length)];
    }
}
