package de.henk.hub.handoff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Asking for a person hands the chat to the team; merely mentioning people does not. */
class PersonRequestTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Kann ich bitte mit einem Mitarbeiter sprechen?",
            "Ich möchte mit einem echten Menschen reden",
            "Ich würde gern mit einer Beraterin sprechen",
            "Verbinden Sie mich bitte mit jemandem aus dem Team",
            "Stellen Sie mich durch",
            "Gibt es hier auch eine echte Person?",
            "Mensch bitte!",
            "Mitarbeiter?",
            "Einen Berater bitte",
            "Kann ich mit dem Schneider direkt sprechen?",
            "Ich möchte lieber persönlich sprechen",
            "Can I talk to a human?",
            "I'd like to speak with someone from your team",
            "Please connect me to an agent",
            "I want a real person",
            "human please",
            "Are you a bot? I want to talk to a real person",
            "Could I chat with a staff member about my order?"})
    void asksForAPerson(String message) {
        assertThat(PersonRequest.in(message)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Mein Berater bei der Bank meinte, ein Maßanzug lohnt sich",
            "Ein Mensch mit Stil braucht einen guten Anzug",
            "Ich bin Mitarbeiter bei Siemens und brauche einen Business-Anzug",
            "Für wie viele Personen ist die Hochzeit? Egal – ich brauche einen Smoking",
            "Sind Sie ein Mensch?",
            "Bist du eine echte Person?",
            "Ich will nicht mit einem Menschen sprechen, Sie machen das gut",
            "Der Verkäufer im Laden war sehr nett",
            "I work in human resources and need a suit for interviews",
            "My travel agent booked the wedding venue",
            "A person of taste wears navy",
            "I don't need to talk to a human, thanks",
            "Are you a real person?",
            "Ich suche einen Anzug für eine Hochzeit im Juni",
            "Team Blau oder Team Grau? Ich bin unentschlossen",
            ""})
    void doesNotMistakeMentionsForARequest(String message) {
        assertThat(PersonRequest.in(message)).isFalse();
    }
}
