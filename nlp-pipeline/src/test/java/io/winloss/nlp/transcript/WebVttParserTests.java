package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** WebVTT fixtures from the suites listed in {@code transcripts/README.md}, with the cue counts those suites assert. */
class WebVttParserTests {

    @ParameterizedTest(name = "{0} has {1} cues")
    @CsvSource({
            "wpt-webvtt/arrows.vtt, 6",
            "wpt-webvtt/ids.vtt, 5",
            "wpt-webvtt/newlines.vtt, 4",
            "wpt-webvtt/nulls.vtt, 7",
            "wpt-webvtt/whitespace-chars.vtt, 3",
            "wpt-webvtt/timings-omitted-hours.vtt, 3",
            "wpt-webvtt/timings-too-short.vtt, 2",
            "wpt-webvtt/timings-too-long.vtt, 2",
            "wpt-webvtt/timings-negative.vtt, 4",
            "wpt-webvtt/settings-multiple.vtt, 2",
            "wpt-webvtt/signature-no-newline.vtt, 0",
            "mozilla-vtt.js/file-layout/webvtt-no-bom.vtt, 1",
            "mozilla-vtt.js/file-layout/webvtt-with-bom.vtt, 1",
            "mozilla-vtt.js/file-layout/webvtt-tab.vtt, 1",
            "mozilla-vtt.js/integration/spec-example.vtt, 13",
            "mozilla-vtt.js/integration/cycle-collector-talk.vtt, 15",
            "webvtt-py/sample.vtt, 16",
            "webvtt-py/captions_with_bom.vtt, 4",
            "webvtt-py/comments.vtt, 3",
            "webvtt-py/using_identifiers.vtt, 6",
            "webvtt-py/metadata_headers.vtt, 2",
            "webvtt-py/teams_timeframe.vtt, 2",
            "go-astisub/example-in.vtt, 6",
            "go-astisub/example-in-html-entities.vtt, 3",
            "genie-flow-invoker-docproc/TEAMS-SurveyResponse-Genie.vtt, 660",
            "genie-flow-invoker-docproc/ZOOM-video1009782420.vtt, 20",
    })
    void findsTheCuesTheSourceSuiteAsserts(String fixture, int cues) throws Exception {
        assertThat(WebVttParser.parseCaptions(Fixtures.text(fixture))).hasSize(cues);
    }

    @Test
    void keepsOnlyTheValidTimingsOfTheTooShortAndTooLongFiles() throws Exception {
        assertThat(texts("wpt-webvtt/timings-too-short.vtt")).containsExactly("text1", "text2");
        assertThat(texts("wpt-webvtt/timings-too-long.vtt")).containsExactly("text1", "text2");
        assertThat(WebVttParser.parseCaptions(Fixtures.text("wpt-webvtt/timings-too-long.vtt")).get(0).start())
                .isZero();
    }

    @Test
    void keepsACueWhoseEndIsBeforeItsStart() throws Exception {
        List<Caption> captions = WebVttParser.parseCaptions(Fixtures.text("wpt-webvtt/timings-negative.vtt"));
        assertThat(captions.get(3).start()).isEqualTo(Duration.ofHours(1));
        assertThat(captions.get(3).end()).isEqualTo(Duration.ofHours(1).minusMillis(1));
    }

    @Test
    void treatsArrowsInIdsAsTheSpecificationDoes() throws Exception {
        assertThat(texts("wpt-webvtt/arrows.vtt")).containsExactly("text1", "text2", "text3", "text4", "text5", "text6");
        assertThat(WebVttParser.parseCaptions(Fixtures.text("wpt-webvtt/ids.vtt")))
                .extracting(Caption::id)
                .containsExactly(" leading space", "trailing space ", "-- >", "->", " ");
    }

    @Test
    void readsCrLfCrAndLfCrLineBreaks() throws Exception {
        assertThat(WebVttParser.parseCaptions(Fixtures.text("wpt-webvtt/newlines.vtt")))
                .extracting(Caption::id)
                .containsExactly("cr", "lf", "crlf", "lfcr");
    }

    @Test
    void turnsNullsIntoReplacementCharacters() throws Exception {
        List<Caption> captions = WebVttParser.parseCaptions(Fixtures.text("wpt-webvtt/nulls.vtt"));
        assertThat(captions).extracting(Caption::text)
                .containsExactly("text1", "text2", "\uFFFDtext\uFFFD3", "text4", "text5", "text6", "text7");
        assertThat(captions.get(1).id()).isEqualTo("\uFFFD (null in id)");
    }

    @Test
    void dropsTheCueBehindVerticalTabs() throws Exception {
        assertThat(texts("wpt-webvtt/whitespace-chars.vtt")).containsExactly("   text1", "text2", "text3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cuetext/voice/with-annotation", "cuetext/voice/with-closing-span",
            "cuetext/voice/with-subclass", "cuetext/voice/with-two-subclasses", "cuetext/voice/not-closed",
            "cuetext/voice/no-end-gt", "file-layout/webvtt-no-bom", "file-layout/webvtt-with-bom",
            "file-layout/webvtt-tab", "integration/spec-example", "integration/cycle-collector-talk"})
    void matchesVttJsExpectedCuesExactly(String fixture) throws Exception {
        List<Caption> captions = WebVttParser.parseCaptions(Fixtures.text("mozilla-vtt.js/" + fixture + ".vtt"));
        String expectedFile = fixture.startsWith("file-layout/") ? "file-layout/with-data" : fixture;
        JsonNode expected = expected("mozilla-vtt.js/" + expectedFile + ".json").get("cues");
        assertThat(captions).hasSize(expected.size());
        for (int i = 0; i < captions.size(); i++) {
            JsonNode cue = expected.get(i);
            assertThat(captions.get(i).id()).isEqualTo(cue.get("id").asString());
            assertThat(captions.get(i).text()).isEqualTo(cue.get("text").asString());
            assertThat(captions.get(i).start().toMillis()).isEqualTo(Math.round(cue.get("startTime").asDouble() * 1000));
            assertThat(captions.get(i).end().toMillis()).isEqualTo(Math.round(cue.get("endTime").asDouble() * 1000));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "with-annotation | Mary | No way!",
            "with-closing-span | Joe | Hee! Hee!",
            "with-subclass | Joe | That's awesome!",
            "with-two-subclasses | Joe | That's awesome!",
            "not-closed | '' | It's a blue apple tree!",
    })
    void takesTheSpeakerFromTheVoiceSpan(String fixture, String speaker, String text) throws Exception {
        assertThat(WebVttParser.parseCues(Fixtures.text("mozilla-vtt.js/cuetext/voice/" + fixture + ".vtt")))
                .containsExactly(new Cue(Duration.ZERO, Duration.ofSeconds(2), speaker, text));
    }

    @Test
    void aVoiceTagWithoutItsGreaterThanSignLeavesNoText() throws Exception {
        assertThat(WebVttParser.parseCues(Fixtures.text("mozilla-vtt.js/cuetext/voice/no-end-gt.vtt"))).isEmpty();
    }

    @Test
    void splitsACueWithTwoVoicesIntoTwoCuesInOrder() throws Exception {
        List<Cue> cues = WebVttParser.parseCues(Fixtures.text("mozilla-vtt.js/integration/cycle-collector-talk.vtt"));
        assertThat(cues).hasSize(16);
        assertThat(cues.get(1)).isEqualTo(new Cue(Duration.ofSeconds(4), Duration.ofSeconds(5), "Chris Pearce",
                "Okay, we're good now."));
        assertThat(cues.get(2)).isEqualTo(new Cue(Duration.ofSeconds(4), Duration.ofSeconds(5), "Kyle Huey",
                "Oh, now we're good? Laughter"));
        assertThat(cues.get(3).text()).isEqualTo("So thanks again for coming. I'm going to talk a bit about the cycle "
                + "collector and what it does and how we manage memory in Gecko.");
    }

    @Test
    void readsTheSpecificationsInterviewExampleAsTwoSpeakers() throws Exception {
        List<Cue> cues = WebVttParser.parseCues(Fixtures.text("mozilla-vtt.js/integration/spec-example.vtt"));
        assertThat(cues).extracting(Cue::speaker).containsOnly("Roger Bingham", "Neil deGrasse Tyson");
        assertThat(cues.get(0).text()).isEqualTo("We are in New York City");
        assertThat(cues.get(10).text()).isEqualTo("No! No no no no; 'cos 'cos obviously 'cos");
        assertThat(cues.get(11).text()).isEqualTo("Laughs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mozilla-vtt.js/file-layout/garbage-signature.vtt",
            "mozilla-vtt.js/file-layout/newline-before-webvtt.vtt", "mozilla-vtt.js/file-layout/bad-double-webvtt.vtt",
            "webvtt-py/invalid.vtt", "go-astisub/broken-1-in.vtt"})
    void refusesAFileWithoutTheSignature(String fixture) {
        assertThatThrownBy(() -> WebVttParser.parseCaptions(Fixtures.text(fixture)))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not a WebVTT file: it does not start with WEBVTT");
    }

    /**
     * Deliberate deviation from vtt.js, which predates the current specification and outputs nothing: the
     * specification's step "let position be previous position" makes the timing line under the header a cue, as WPT's
     * nulls.vtt also relies on.
     */
    @Test
    void readsACueRightUnderTheHeaderAsTheCurrentSpecificationDoes() throws Exception {
        assertThat(WebVttParser.parseCaptions(Fixtures.text("mozilla-vtt.js/file-layout/header-no-new-line.vtt")))
                .containsExactly(new Caption("", Duration.ofSeconds(11), Duration.ofSeconds(13), "Test"));
    }

    @Test
    void readsWebVttPyCueTimesAndIdentifiers() throws Exception {
        List<Caption> sample = WebVttParser.parseCaptions(Fixtures.text("webvtt-py/sample.vtt"));
        assertThat(sample.get(2).start()).isEqualTo(Duration.ofMillis(11_890));
        assertThat(sample.get(2).end()).isEqualTo(Duration.ofMillis(16_320));
        assertThat(sample.get(15).end()).isEqualTo(Duration.ofMillis(64_300));
        assertThat(WebVttParser.parseCaptions(Fixtures.text("webvtt-py/using_identifiers.vtt")))
                .extracting(Caption::id)
                .containsExactly("", "second caption", "", "4", "", "");
        assertThat(WebVttParser.parseCaptions(Fixtures.text("webvtt-py/comments.vtt")).get(0).text())
                .isEqualTo("- Ta en kopp varmt te.\n- Det är inte varmt.");
    }

    /** Deliberate leniency: a browser drops both cues; webvtt-py and the Teams export's readers keep them. */
    @Test
    void readsMicrosoftTeamsShortTimestamps() throws Exception {
        List<Cue> cues = WebVttParser.parseCues(Fixtures.text("webvtt-py/teams_timeframe.vtt"));
        assertThat(cues).containsExactly(
                new Cue(Duration.ZERO, Duration.ofMillis(570), "Yuri Bakulin", "There you go."),
                new Cue(Duration.ofMillis(210), Duration.ofMillis(1_130), "Adrian Petrescu", "Why hello there, Yuri."));
    }

    /** Deliberate leniency, as go-astisub: timestamps without or with two-digit milliseconds; six cues, not zero. */
    @Test
    void readsGoAstisubsExampleWithNotesStylesRegionsAndShortTimestamps() throws Exception {
        List<Caption> captions = WebVttParser.parseCaptions(Fixtures.text("go-astisub/example-in.vtt"));
        assertThat(captions).hasSize(6);
        assertThat(captions.get(0).start()).isEqualTo(Duration.ofSeconds(99));
        assertThat(captions.get(0).end()).isEqualTo(Duration.ofMillis(101_040));
        assertThat(captions).extracting(Caption::id).containsExactly("1", "2", "", "4", "5", "6");
    }

    @Test
    void decodesCharacterReferences() throws Exception {
        assertThat(WebVttParser.parseCues(Fixtures.text("go-astisub/example-in-html-entities.vtt")))
                .extracting(Cue::text)
                .containsExactly("The man in black fled across the desert, & the gunslinger followed.",
                        "Go, then,", "there are other < worlds than these.");
    }

    @Test
    void readsTheRealTeamsExportWithItsEightSpeakers() throws Exception {
        List<Cue> cues = WebVttParser.parseCues(Fixtures.text("genie-flow-invoker-docproc/TEAMS-SurveyResponse-Genie.vtt"));
        assertThat(cues).hasSize(660);
        assertThat(cues.stream().map(Cue::speaker).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "Daniel Ziekenoppasser-Powell", "Jochem Michiels", "Julia Christian-Edwards", "Michelle Burke",
                "Nick Dunlap", "Peter Mack", "Susan Wade", "Willem van Asperen");
        assertThat(cues.get(0)).isEqualTo(new Cue(Duration.ofMillis(3_317), Duration.ofMillis(4_797),
                "Jochem Michiels", "Maybe my English is a bit Dutch but."));
        assertThat(cues.get(1).text()).isEqualTo("OK. But before we start, I thought it might be good to have a");
        assertThat(cues.get(659)).isEqualTo(new Cue(Duration.ofMillis(2_289_357), Duration.ofMillis(2_289_637),
                "Jochem Michiels", "But."));
    }

    @Test
    void joinsTheTeamsExportIntoTheTurnsTheGenieSuiteCounts() throws Exception {
        List<Cue> turns = SpeakerTurns.join(
                WebVttParser.parseCues(Fixtures.text("genie-flow-invoker-docproc/TEAMS-SurveyResponse-Genie.vtt")));
        assertThat(turns).hasSize(145);
        assertThat(turns.get(0).text()).startsWith("Maybe my English is a bit Dutch but.");
        assertThat(turns.get(144).text()).startsWith("But.");
    }

    @Test
    void readsTheRealZoomExportAsTwentyUnnamedCues() throws Exception {
        List<Cue> cues = WebVttParser.parseCues(Fixtures.text("genie-flow-invoker-docproc/ZOOM-video1009782420.vtt"));
        assertThat(cues).hasSize(20).extracting(Cue::speaker).containsOnly("");
        assertThat(cues.get(0).text()).isEqualTo("Workers link. Now you can play the streets.");
        assertThat(cues.get(19).text()).startsWith("I like the icons. Red is a very good color");
        assertThat(SpeakerTurns.join(cues)).hasSize(20);
    }

    @Test
    void takesZoomStyleNameLabelsAsSpeakers() throws Exception {
        String vtt = """
                WEBVTT

                1
                00:00:01.000 --> 00:00:04.000
                Dana Reyes: Why did you pick the other vendor?

                2
                00:00:04.500 --> 00:00:09.000
                Sam Okafor: Their onboarding was faster.
                Honestly, it was the price too.

                3
                00:00:09.000 --> 00:00:11.000
                And the support team.
                """;
        assertThat(WebVttParser.parseCues(vtt)).extracting(Cue::speaker, Cue::text).containsExactly(
                tuple("Dana Reyes", "Why did you pick the other vendor?"),
                tuple("Sam Okafor", "Their onboarding was faster. Honestly, it was the price too."),
                tuple("Sam Okafor", "And the support team."));
    }

    @Test
    void removesCueMarkup() throws Exception {
        String vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<c.yellow>The</c> <i>price</i> <b>was</b> <u>high</u>"
                + " <ruby>漢<rt>kan</rt></ruby> <00:00:01.000>&lrm;&#233;&#x4E2D;&quot;ok&quot; &bogus; a&b\n";
        assertThat(WebVttParser.parseCues(vtt)).extracting(Cue::text)
                .containsExactly("The price was high 漢kan \u200Eé中\"ok\" &bogus; a&b");
    }

    private static List<String> texts(String fixture) throws UnreadableTranscript {
        return WebVttParser.parseCaptions(Fixtures.text(fixture)).stream().map(Caption::text).toList();
    }

    private static JsonNode expected(String path) throws IOException {
        try (InputStream in = WebVttParserTests.class.getResourceAsStream("/transcripts/" + path)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
