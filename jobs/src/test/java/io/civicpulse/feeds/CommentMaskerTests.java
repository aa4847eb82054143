package io.civicpulse.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentMaskerTests {

    @Test
    void emailAddressesPhoneNumbersAndStreetAddressesAreMasked() {
        assertThat(CommentMasker.mask("Write to maria.lopez@example.org please"))
                .isEqualTo("Write to [email] please");
        assertThat(CommentMasker.mask("Call me at (212) 555-0143 or 646.555.0199"))
                .isEqualTo("Call me at [phone] or [phone]");
        assertThat(CommentMasker.mask("The bags are still outside 123 Main St. since Monday"))
                .isEqualTo("The bags are still outside [address] since Monday");
        assertThat(CommentMasker.mask("Vivo en Calle Olmo 45, nadie vino"))
                .isEqualTo("Vivo en [address], nadie vino");
    }

    @Test
    void ordinaryTextAndNumbersAreKept() {
        assertThat(CommentMasker.mask("Waited 45 minutes, 3 calls, fixed in 2 days. Gracias!"))
                .isEqualTo("Waited 45 minutes, 3 calls, fixed in 2 days. Gracias!");
        assertThat(CommentMasker.mask(null)).isNull();
    }
}
