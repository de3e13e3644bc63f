package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain-text transcripts in the shapes Otter, Teams, Zoom and people write them. */
class PlainTextParserTests {

    @Test
    void readsOtterHeadersWithTheirTimesAndTheTextBelowThem() throws Exception {
        List<Cue> turns = SpeakerTurns.join(PlainTextParser.parseCues(Fixtures.text("winloss/otter-interview.txt")));
        assertThat(turns).extracting(Cue::speaker).containsExactly(
                "Dana Reyes", "Sam Okafor", "Dana Reyes", "Sam Okafor", "Dana Reyes", "Sam Okafor", "Dana Reyes",
                "Sam Okafor");
        assertThat(turns.get(3)).isEqualTo(new Cue(Duration.ofSeconds(24), null, "Sam Okafor",
                "We shortlisted you and Northwind. Northwind had the better integration with our CRM, honestly. "
                        + "Their onboarding was also faster. We were live in two weeks."));
        assertThat(turns.get(6).start()).isEqualTo(Duration.ofHours(1).plusMinutes(2).plusSeconds(3));
        assertThat(turns.get(7).text()).endsWith("open questions about SSO.");
    }

    @Test
    void readsNameLabelsAndLetsUnlabelledLinesContinueTheTurn() throws Exception {
        List<Cue> turns = SpeakerTurns.join(PlainTextParser.parseCues(Fixtures.text("winloss/named-interview.txt")));
        assertThat(turns).extracting(Cue::speaker, Cue::text).containsExactly(
                tuple("Interviewer", "Thanks for joining. Why did you decide to buy from us in the end?"),
                tuple("Buyer", "Mostly the reporting. Your dashboards answered the questions our VP kept asking. "
                        + "The other vendors needed a consultant for that."),
                tuple("Interviewer", "Was price a factor?"),
                tuple("Buyer", "Less than you'd think. We had budget approved already. "
                        + "One more thing: your support team was responsive during the trial."),
                tuple("Interviewer", "Good to hear. Anything we could improve?"),
                tuple("Buyer", "The contract review took too long."));
        assertThat(turns).extracting(Cue::start).containsOnlyNulls();
    }

    @Test
    void readsTeamsHeadersAndKeepsTheTitleLinesAsUnnamedText() throws Exception {
        List<Cue> turns = SpeakerTurns.join(PlainTextParser.parseCues(Fixtures.text("winloss/teams-transcript.txt")));
        assertThat(turns).extracting(Cue::speaker, Cue::start).containsExactly(
                tuple("", null),
                tuple("Dana Reyes", Duration.ofSeconds(3)),
                tuple("Priya Shah", Duration.ofSeconds(8)),
                tuple("Dana Reyes", Duration.ofSeconds(31)),
                tuple("Priya Shah", Duration.ofSeconds(35)));
        assertThat(turns.get(0).text()).isEqualTo("Acme renewal interview March 4, 2025, 3:00PM 32m 10s");
    }

    @Test
    void readsBracketedAndBareTimestampsBeforeNames() throws Exception {
        List<Cue> cues = PlainTextParser.parseCues(Fixtures.text("winloss/timestamped-interview.txt"));
        assertThat(cues).extracting(Cue::start, Cue::speaker).containsExactly(
                tuple(Duration.ofSeconds(2), "Dana Reyes"),
                tuple(Duration.ofSeconds(6), "Lee Park"),
                tuple(Duration.ofSeconds(15), "Lee Park"),
                tuple(Duration.ofSeconds(21), "Dana Reyes"),
                tuple(Duration.ofSeconds(24), "Lee Park"));
        assertThat(cues.get(4).text()).isEqualTo("Yes, you were the most expensive option.");
        assertThat(SpeakerTurns.join(cues)).hasSize(4);
    }

    @Test
    void readsZoomClosedCaptionsAsTwentyUnnamedLinesWithoutTheFieldsLine() throws Exception {
        List<Cue> cues = PlainTextParser.parseCues(Fixtures.text("genie-flow-invoker-docproc/ZOOM-closed_caption.txt"));
        assertThat(cues).hasSize(20).extracting(Cue::speaker).containsOnly("");
        assertThat(cues.get(0)).isEqualTo(new Cue(Duration.ofHours(16).plusMinutes(37).plusSeconds(3), null, "",
                "Workers link. Now you can play the streets."));
        assertThat(cues.get(19).text()).startsWith("I like the icons.");
    }

    @Test
    void readsTextWithoutLabelsAsOneCuePerParagraph() {
        String text = """
                We looked at three vendors this year.
                The decision took about two months.

                Price was not the deciding factor.
                """;
        assertThat(PlainTextParser.parseCues(text)).extracting(Cue::speaker, Cue::text).containsExactly(
                tuple("", "We looked at three vendors this year. The decision took about two months."),
                tuple("", "Price was not the deciding factor."));
    }

    @Test
    void aSingleLineStartingWithAWordAndAColonIsNotASpeaker() {
        String text = """
                We compared both products side by side.
                Price: they were cheaper by a third.
                """;
        assertThat(PlainTextParser.parseCues(text)).extracting(Cue::speaker, Cue::text).containsExactly(
                tuple("", "We compared both products side by side. Price: they were cheaper by a third."));
    }

    @Test
    void takesALabelAloneOnItsLineForTheTextBelow() {
        String text = "INTERVIEWER:\nWhat did you value most?\n\nCUSTOMER:\nThe reporting.\n";
        assertThat(PlainTextParser.parseCues(text)).extracting(Cue::speaker, Cue::text).containsExactly(
                tuple("INTERVIEWER", "What did you value most?"),
                tuple("CUSTOMER", "The reporting."));
    }

    @Test
    void sentencesWithColonsAreNotNames() {
        assertThat(SpeakerLabel.of("So here's the thing: we needed it fast")).isNull();
        assertThat(SpeakerLabel.of("10:30: the call started")).isNull();
        assertThat(SpeakerLabel.of("https://example.com is their site")).isNull();
        assertThat(SpeakerLabel.of("- [Music] la la")).isNull();
        assertThat(SpeakerLabel.of("Willem van Asperen: yes")).isEqualTo(new SpeakerLabel("Willem van Asperen", "yes", false));
        assertThat(SpeakerLabel.of("Neil deGrasse Tyson: no")).isEqualTo(new SpeakerLabel("Neil deGrasse Tyson", "no", false));
        assertThat(SpeakerLabel.of(">> Speaker 2: right")).isEqualTo(new SpeakerLabel("Speaker 2", "right", false));
        assertThat(SpeakerLabel.of("- [Adam] Hello")).isEqualTo(new SpeakerLabel("Adam", "Hello", true));
    }
}
