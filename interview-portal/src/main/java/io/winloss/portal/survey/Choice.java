package io.winloss.portal.survey;

/** One answer a choice question offers: {@code value} is stored, {@code label} is shown. */
public record Choice(String value, String label) {
}
