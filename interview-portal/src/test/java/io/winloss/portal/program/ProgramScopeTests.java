package io.winloss.portal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.winloss.portal.deal.Contact;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;

/** The scope rules and the program's terms, without a store. */
class ProgramScopeTests {

    private static final Contact BUYER = new Contact("Ann", "ann@acme.test", "CFO");
    private static final LocalDate CLOSED = LocalDate.of(2026, 3, 31);

    private static Deal deal(Outcome outcome, String amount, String segment, List<Contact> contacts, LocalDate closeDate) {
        return new Deal("d1", null, "Acme", null, outcome, amount == null ? null : new BigDecimal(amount), "EUR", closeDate, null,
                null, segment, List.of(), null, null, contacts, Instant.EPOCH, Instant.EPOCH);
    }

    private static Deal deal(Outcome outcome) {
        return deal(outcome, "5000", "Enterprise", List.of(BUYER), CLOSED);
    }

    private static Program.Scope scope(List<Outcome> outcomes, String minAmount, List<String> segments) {
        return new Program.Scope(outcomes, minAmount == null ? null : new BigDecimal(minAmount), segments);
    }

    @Test
    void outcomeMustBeOneOfTheProgramsOutcomes() {
        Program.Scope losses = scope(List.of(Outcome.LOST, Outcome.NO_DECISION), null, List.of());
        assertThat(ProgramScope.inScope(losses, deal(Outcome.LOST))).isTrue();
        assertThat(ProgramScope.inScope(losses, deal(Outcome.NO_DECISION))).isTrue();
        assertThat(ProgramScope.whyOut(losses, deal(Outcome.WON))).contains("its outcome is won");
    }

    @Test
    void amountMustReachTheMinimumAndADealWithoutAmountIsOutWhenThereIsOne() {
        Program.Scope big = scope(List.of(Outcome.LOST), "5000", List.of());
        assertThat(ProgramScope.inScope(big, deal(Outcome.LOST, "5000", null, List.of(BUYER), CLOSED))).as("equal to the minimum").isTrue();
        assertThat(ProgramScope.inScope(big, deal(Outcome.LOST, "4999.99", null, List.of(BUYER), CLOSED))).isFalse();
        assertThat(ProgramScope.whyOut(big, deal(Outcome.LOST, null, null, List.of(BUYER), CLOSED))).get().asString().contains("no amount");
        Program.Scope any = scope(List.of(Outcome.LOST), null, List.of());
        assertThat(ProgramScope.inScope(any, deal(Outcome.LOST, null, null, List.of(BUYER), CLOSED))).as("no minimum, no amount").isTrue();
    }

    @Test
    void segmentMustBeOneOfTheProgramsWhenItNamesAny() {
        Program.Scope enterprise = scope(List.of(Outcome.WON), null, List.of("Enterprise", "Mid market"));
        assertThat(ProgramScope.inScope(enterprise, deal(Outcome.WON, "1", " mid MARKET ", List.of(BUYER), CLOSED))).isTrue();
        assertThat(ProgramScope.inScope(enterprise, deal(Outcome.WON, "1", "SMB", List.of(BUYER), CLOSED))).isFalse();
        assertThat(ProgramScope.inScope(enterprise, deal(Outcome.WON, "1", null, List.of(BUYER), CLOSED))).as("no segment").isFalse();
        Program.Scope every = scope(List.of(Outcome.WON), null, List.of());
        assertThat(ProgramScope.inScope(every, deal(Outcome.WON, "1", null, List.of(BUYER), CLOSED))).isTrue();
    }

    @Test
    void dealNeedsAContactWithAnEmailAndTheFirstSuchContactIsTheBuyer() {
        Program.Scope all = scope(List.of(Outcome.LOST), null, List.of());
        Contact noEmail = new Contact("Bob", null, null);
        Contact blank = new Contact("Cy", " ", null);
        Contact dee = new Contact("Dee", "dee@acme.test", null);
        assertThat(ProgramScope.whyOut(all, deal(Outcome.LOST, null, null, List.of(), CLOSED))).get().asString().contains("no contact");
        assertThat(ProgramScope.inScope(all, deal(Outcome.LOST, null, null, List.of(noEmail, blank), CLOSED))).isFalse();
        Deal withDee = deal(Outcome.LOST, null, null, List.of(noEmail, blank, dee, BUYER), CLOSED);
        assertThat(ProgramScope.inScope(all, withDee)).isTrue();
        assertThat(ProgramScope.buyer(withDee)).contains(dee);
    }

    @Test
    void dealNeedsACloseDate() {
        Program.Scope all = scope(List.of(Outcome.LOST), null, List.of());
        assertThat(ProgramScope.whyOut(all, deal(Outcome.LOST, null, null, List.of(BUYER), null))).get().asString().contains("close date");
    }

    @Test
    void anInvitationMoreThanTheCatchUpWindowLateIsNotSent() {
        Instant due = Instant.parse("2026-04-03T00:00:00Z");
        assertThat(ProgramScope.late(due, due.plus(Duration.ofDays(30)), 30)).isFalse();
        assertThat(ProgramScope.late(due, due.plus(Duration.ofDays(30)).plusSeconds(1), 30)).isTrue();
        assertThat(ProgramScope.late(due, due.minusSeconds(1), 0)).isFalse();
    }

    @Test
    void invitationIsDueDaysAfterTheCloseDateAndRemindersDaysAfterTheInvitationFractionsIncluded() {
        Program program = new Program("p", new WorkspaceId("w"), "Losses", scope(List.of(Outcome.LOST), null, List.of()), 2.5,
                List.of(3.0, 7.5), null, Program.CURRENT_SURVEY, true, Instant.EPOCH, Instant.EPOCH);
        assertThat(program.inviteAt(CLOSED)).isEqualTo(Instant.parse("2026-04-02T12:00:00Z"));
        Instant invited = Instant.parse("2026-04-02T12:00:05Z");
        assertThat(program.reminderAt(invited, 1)).contains(Instant.parse("2026-04-05T12:00:05Z"));
        assertThat(program.reminderAt(invited, 2)).contains(Instant.parse("2026-04-10T00:00:05Z"));
        assertThat(program.reminderAt(invited, 3)).isEmpty();
        assertThat(program.remindersText()).isEqualTo("3, 7.5");
        assertThat(program.inviteAfterText()).isEqualTo("2.5");
    }

    @Test
    void termsAreCheckedAndEveryBadFieldIsReportedAtOnce() {
        ProgramInput bad = new ProgramInput(" ", List.of("lost", "open", "maybe"), "-5", List.of("x".repeat(201)), "-1",
                List.of("3", "0", "30", "3", "soon"), "y".repeat(501));
        assertThatThrownBy(() -> ProgramRules.validate(bad, 30))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("name", "outcomes", "minAmount", "segments", "inviteAfterDays", "reminderAfterDays", "incentive")
                        .filteredOn(f -> f.equals("reminderAfterDays")).hasSize(4));
        assertThatThrownBy(() -> ProgramRules.validate(new ProgramInput("No outcome", List.of(), null, null, null, null, null), 30))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("outcomes", "inviteAfterDays"));
    }

    @Test
    void goodTermsAreTrimmedAndRemindersSorted() {
        NewProgram terms = ProgramRules.validate(new ProgramInput(" Losses ", List.of("lost", "LOST", "no_decision"), "10000",
                List.of("Enterprise", " ", "SMB"), "0", List.of("7.5", "3"), "  "), 30);
        assertThat(terms.name()).isEqualTo("Losses");
        assertThat(terms.scope().outcomes()).containsExactly(Outcome.LOST, Outcome.NO_DECISION);
        assertThat(terms.scope().minAmount()).isEqualByComparingTo("10000");
        assertThat(terms.scope().segments()).containsExactly("Enterprise", "SMB");
        assertThat(terms.inviteAfterDays()).isZero();
        assertThat(terms.reminderAfterDays()).containsExactly(3.0, 7.5);
        assertThat(terms.incentive()).isNull();
    }

    @Test
    void formReadsRemindersSeparatedBySemicolonsOrSpacesButNotADecimalComma() {
        ProgramForm form = new ProgramForm("Wins", List.of("won"), "", "Enterprise; Mid market", "3", "3; 7.5, 10 14", "");
        assertThat(form.toInput().reminderAfterDays()).containsExactly("3", "7.5", "10", "14");
        assertThat(form.toInput().segments()).containsExactly("Enterprise", " Mid market");
        ProgramForm comma = new ProgramForm("Wins", List.of("won"), "", "", "3", "7,5", "");
        assertThatThrownBy(() -> ProgramRules.validate(comma.toInput(), 30)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("reminderAfterDays");
    }
}
