package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is the interviewer: given by name, or guessed from who asks the questions. */
class RolesTests {
    private static final List<Cue> INTERVIEW = List.of(
            cue("Dana Reyes", "Thanks for joining. Why did you pick Northwind?"),
            cue("Sam Okafor", "Faster onboarding. Did you expect that?"),
            cue("Dana Reyes", "Not really. What about price?"),
            cue("Sam Okafor", "You were twenty percent more."),
            cue("Dana Reyes", "Anything else we should know?"));

    @Test
    void givenNamesMakeTheirSpeakersInterviewersIgnoringCaseAndSpaces() {
        Transcript transcript = Roles.assign(INTERVIEW, List.of("  dana REYES "));
        assertThat(transcript.rolesInferred()).isFalse();
        assertThat(transcript.turns()).extracting(Turn::speaker, Turn::role).containsExactly(
                tuple("Dana Reyes", Role.INTERVIEWER), tuple("Sam Okafor", Role.BUYER),
                tuple("Dana Reyes", Role.INTERVIEWER), tuple("Sam Okafor", Role.BUYER),
                tuple("Dana Reyes", Role.INTERVIEWER));
    }

    @Test
    void givenNamesMakeEveryoneElseABuyerEvenUnnamedSpeech() {
        Transcript transcript = Roles.assign(List.of(cue("", "Why did you leave?"), cue("Sam", "Price.")),
                List.of("Dana"));
        assertThat(transcript.turns()).extracting(Turn::role).containsOnly(Role.BUYER);
        assertThat(transcript.rolesInferred()).isFalse();
    }

    @Test
    void withoutNamesTheSpeakerAskingMostIsTheInterviewer() {
        Transcript transcript = Roles.assign(INTERVIEW, List.of());
        assertThat(transcript.rolesInferred()).isTrue();
        assertThat(transcript.turns()).extracting(Turn::speaker, Turn::role).containsExactly(
                tuple("Dana Reyes", Role.INTERVIEWER), tuple("Sam Okafor", Role.BUYER),
                tuple("Dana Reyes", Role.INTERVIEWER), tuple("Sam Okafor", Role.BUYER),
                tuple("Dana Reyes", Role.INTERVIEWER));
    }

    @Test
    void onATieTheFirstOfTheQuestionersToSpeakIsTheInterviewer() {
        Transcript transcript = Roles.assign(List.of(
                cue("Sam Okafor", "We went with them."),
                cue("Dana Reyes", "Why?"),
                cue("Sam Okafor", "Did you not see the demo?")), List.of());
        assertThat(transcript.turns()).extracting(Turn::speaker, Turn::role).containsExactly(
                tuple("Sam Okafor", Role.INTERVIEWER), tuple("Dana Reyes", Role.BUYER),
                tuple("Sam Okafor", Role.INTERVIEWER));
    }

    @Test
    void aLoneNamedSpeakerIsABuyer() {
        Transcript transcript = Roles.assign(List.of(cue("Adam", "Why do we plan? Because it pays.")), List.of());
        assertThat(transcript.turns()).extracting(Turn::role).containsExactly(Role.BUYER);
        assertThat(transcript.rolesInferred()).isTrue();
    }

    @Test
    void unnamedTurnsThatAreMostlyQuestionsAreTheInterviewers() {
        Transcript transcript = Roles.assign(List.of(
                cue("", "So can you tell me about your experience with the trial?"),
                cue("", "It was fine. The setup took a while. Support helped though."),
                cue("", "Hey. Nice to meet you. How was your weekend?"),
                cue("", "Why that vendor? Was it price?! ... Tell me more.")), List.of());
        assertThat(transcript.rolesInferred()).isTrue();
        assertThat(transcript.turns()).extracting(Turn::role)
                .containsExactly(Role.INTERVIEWER, Role.BUYER, Role.BUYER, Role.INTERVIEWER);
    }

    @Test
    void turnsKeepTheirStartsAndTexts() {
        Cue cue = new Cue(Duration.ofSeconds(3), Duration.ofSeconds(5), "Sam", "Price.");
        assertThat(Roles.assign(List.of(cue), List.of()).turns())
                .containsExactly(new Turn("Sam", Role.BUYER, Duration.ofSeconds(3), "Price."));
    }

    private static Cue cue(String speaker, String text) {
        return new Cue(null, null, speaker, text);
    }
}
