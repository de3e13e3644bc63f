package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishWordsTests {

    @Test
    void holdsOrdinaryWordsThatAreAlsoVendorNamesButNotCoinedNames() {
        assertThat(EnglishWords.all()).contains("sage", "ramp", "outreach", "snowflake", "workday", "close")
                .doesNotContain("hubspot", "datadog", "okta", "Monday");
    }
}
