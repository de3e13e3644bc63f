package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SRT fixtures from webvtt-py, go-astisub and srt-parser-2, with the caption counts those suites assert. */
class SrtParserTests {

    @ParameterizedTest(name = "{0} has {1} captions")
    @CsvSource({
            "webvtt-py/sample.srt, 5",
            "webvtt-py/missing_caption_text.srt, 4",
            "go-astisub/missing-sequence-in.srt, 6",
            "go-astisub/example-in-carriage-return.srt, 3",
            "srt-parser-2/correct.srt, 2",
            "srt-parser-2/dot-as-separator.srt, 2",
            "srt-parser-2/single-digit-hour.srt, 3",
            "srt-parser-2/single-digit-timecodes.srt, 10",
    })
    void findsTheCaptionsTheSourceSuiteAsserts(String fixture, int captions) throws Exception {
        assertThat(SrtParser.parseCaptions(Fixtures.text(fixture))).hasSize(captions);
    }

    @Test
    void readsWebVttPysSampleTimes() throws Exception {
        List<Caption> captions = SrtParser.parseCaptions(Fixtures.text("webvtt-py/sample.srt"));
        assertThat(captions.get(2)).isEqualTo(
                new Caption("3", Duration.ofMillis(11_890), Duration.ofMillis(16_320), "Caption text #3"));
        assertThat(captions.get(4).end()).isEqualTo(Duration.ofMillis(23_880));
    }

    @Test
    void readsSrtParser2sCrLfFileWithTwoLineTexts() throws Exception {
        List<Caption> captions = SrtParser.parseCaptions(Fixtures.text("srt-parser-2/correct.srt"));
        assertThat(captions.get(1)).isEqualTo(new Caption("2", Duration.ofMillis(28_967),
                Duration.ofHours(1).plusMinutes(30).plusSeconds(30).plusMillis(958), "Subtitle 2.1\nSubtitle 2.2"));
        assertThat(SrtParser.parseCaptions(Fixtures.text("srt-parser-2/dot-as-separator.srt"))).isEqualTo(captions);
    }

    @Test
    void readsOneDigitHoursMinutesAndSeconds() throws Exception {
        List<Caption> captions = SrtParser.parseCaptions(Fixtures.text("srt-parser-2/single-digit-timecodes.srt"));
        assertThat(captions.get(0).start()).isEqualTo(Duration.ofMillis(7_560));
        assertThat(captions.get(9).end()).isEqualTo(Duration.ofMillis(28_340));
        assertThat(SrtParser.parseCaptions(Fixtures.text("srt-parser-2/single-digit-hour.srt")).get(0).text())
                .isEqualTo("Hi, I’m Carrie Anne, and welcome to Crash Course Computer Science!");
    }

    @Test
    void takesTheBracketedNameAsTheSpeakerUntilAnotherIsNamed() throws Exception {
        List<Cue> cues = SrtParser.parseCues(Fixtures.text("srt-parser-2/single-digit-timecodes.srt"));
        assertThat(cues.get(0)).isEqualTo(new Cue(Duration.ofMillis(7_560), Duration.ofMillis(9_700), "Adam",
                "Hello, my name is Adam Wilbert,"));
        assertThat(cues).extracting(Cue::speaker).containsOnly("Adam");
        assertThat(SpeakerTurns.join(cues)).hasSize(1);
    }

    @Test
    void readsCaptionsWithoutSequenceNumbersAndWithCoordinates() throws Exception {
        List<Caption> captions = SrtParser.parseCaptions(Fixtures.text("go-astisub/missing-sequence-in.srt"));
        assertThat(captions).extracting(Caption::start, Caption::end).containsExactly(
                tuple(Duration.ofSeconds(99), Duration.ofMillis(101_040)),
                tuple(Duration.ofMillis(124_080), Duration.ofMillis(127_120)),
                tuple(Duration.ofMillis(132_160), Duration.ofMillis(135_200)),
                tuple(Duration.ofMillis(140_240), Duration.ofMillis(142_280)),
                tuple(Duration.ofMillis(148_320), Duration.ofMillis(151_360)),
                tuple(Duration.ofMillis(151_400), Duration.ofMillis(153_440)));
        assertThat(captions.get(1).text()).isEqualTo("MAN:\nHow did we end up here?");
    }

    @Test
    void readsClassicMacLineBreaksAfterAByteOrderMark() throws Exception {
        List<Cue> cues = SrtParser.parseCues(Fixtures.text("go-astisub/example-in-carriage-return.srt"));
        assertThat(cues).extracting(Cue::text).containsExactly(
                "Did one of the last stories strike you as more interesting than the other?",
                "That's true. You don’t often find 632 pieces of gum stuck on a sidewalk",
                "at a busy bus stop or anywhere else for that matter.");
    }

    /** Deliberate deviation from go-astisub, which refuses anything but UTF-8: a UTF-16 file with a BOM is text. */
    @Test
    void readsUtf16WithAByteOrderMark() throws Exception {
        List<Caption> captions = SrtParser.parseCaptions(Fixtures.text("go-astisub/example-in-non-utf8.srt"));
        assertThat(captions).hasSize(6);
        assertThat(captions.get(1).text()).isEqualTo("MAN:\nHow did we end up here?");
    }

    /**
     * Deliberate deviation from webvtt-py, which rejects the file as malformed: a timing line mixing {@code ,} and
     * {@code .} is still unambiguous, and a transcript reader should not lose the speech.
     */
    @Test
    void readsATimingLineThatMixesCommaAndDot() throws Exception {
        List<Caption> captions = SrtParser.parseCaptions(Fixtures.text("webvtt-py/invalid_timeframe.srt"));
        assertThat(captions).hasSize(5);
        assertThat(captions.get(1).end()).isEqualTo(Duration.ofMillis(11_890));
    }

    @Test
    void refusesAFileWithoutTimingLines() {
        assertThatThrownBy(() -> SrtParser.parseCaptions(Fixtures.text("webvtt-py/invalid_format1.srt")))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not an SRT file: it has no timing line such as 00:00:01,000 --> 00:00:04,000");
    }

    @Test
    void removesSrtMarkupButKeepsALessThanSignInText() throws Exception {
        String srt = """
                1
                00:00:01,000 --> 00:00:03,000
                {\\an8}<font color="#ffff00">Dana:</font> <i>Was it</i> price?

                2
                00:00:03,500 --> 00:00:06,000
                Sam: Yes, we needed a cost < 10k a year. {not a tag}

                3
                00:00:06,000 --> 00:00:07,000
                <b>Sam:</b> And faster support.
                """;
        assertThat(SrtParser.parseCues(srt)).extracting(Cue::speaker, Cue::text).containsExactly(
                tuple("Dana", "Was it price?"),
                tuple("Sam", "Yes, we needed a cost < 10k a year. {not a tag}"),
                tuple("Sam", "And faster support."));
    }

    @Test
    void keepsTextAfterABlankLineInsideACaptionAndSkipsABrokenTimingLine() throws Exception {
        String srt = """
                1
                00:00:01,000 --> 00:00:03,000
                We chose them for the price.

                and the support.

                2
                00:00:04,000 -> 00:00:05,000
                Lost words.
                """;
        assertThat(SrtParser.parseCaptions(srt)).containsExactly(new Caption("1", Duration.ofSeconds(1),
                Duration.ofSeconds(3), "We chose them for the price.\n\nand the support.\n\nLost words."));
    }
}
