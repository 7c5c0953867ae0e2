package de.henk.hub.chat;

/**
 * The offline concierge's own turns in the dialogue: the greeting (a returning customer's with what the hub
 * remembers), the next question of the phase, the way to the team, and the word that the team has the request.
 */
final class ConciergeDialogue {

    private ConciergeDialogue() {
    }

    static String greeting(Turn turn, boolean de) {
        Turn.Returning returning = turn.returning();
        if (returning != null) {
            String name = returning.name() == null ? "" : ", " + returning.name();
            StringBuilder text = new StringBuilder(de ? "Schön, dass Sie wieder da sind" + name + "!"
                    : "Good to see you again" + name + "!");
            String remembered = ConciergeRecap.summary(returning.remembered(), de);
            if (remembered != null) {
                text.append(de ? " Ich habe noch im Kopf: " : " I remember: ").append(remembered).append('.');
            }
            if (!returning.openDeals().isEmpty()) {
                text.append(de ? " Ihre Anfrage „" + String.join("“, „", returning.openDeals())
                        + "“ liegt bei unserem Team in guten Händen."
                        : " Your request \"" + String.join("\", \"", returning.openDeals())
                        + "\" is in good hands with our team.");
            }
            if (!returning.appointments().isEmpty()) {
                text.append(de ? " Wir sehen uns: " + String.join(" und ", returning.appointments()) + "."
                        : " See you at: " + String.join(" and ", returning.appointments()) + ".");
            }
            return text.toString();
        }
        if (turn.learned().occasion() == null) {
            return de ? "Guten Tag, ich bin HENK, Ihr Concierge für Maßanzüge."
                    : "Hello, I am HENK, your made-to-measure concierge.";
        }
        return de ? "Guten Tag, ich bin HENK." : "Hello, I am HENK.";
    }

    /** What comes next: the phase's question, the fabric proposal, or the way to the team. */
    static String next(Turn turn, boolean de) {
        ConversationProfile now = turn.profile();
        boolean askedOnly = !turn.facts().isEmpty() && turn.learned().isEmpty();
        String lead = askedOnly && turn.phase() == turn.previousPhase() && turn.phase() != Phase.FABRIC
                ? (de ? "Und damit ich Sie gut beraten kann: " : "And so that I can advise you well: ") : "";
        String question = switch (turn.phase()) {
            case NEEDS -> turn.smalltalk().isEmpty() || !turn.firstTurn()
                    ? (de ? "Wie kann ich Ihnen helfen – suchen Sie einen Anzug, ein Sakko oder einen Smoking, und zu welchem Anlass?"
                    : "How can I help – are you looking for a suit, a jacket or a tuxedo, and for which occasion?")
                    : (de ? "Und wenn Sie einen Maßanzug suchen: Zu welchem Anlass darf es sein?"
                    : "And if you are looking for a made-to-measure suit: what is the occasion?");
            case OCCASION -> de
                    ? "Für welchen Anlass soll " + ConciergeNames.articleDe(now)
                      + " sein – Hochzeit, Business, Gala oder etwas anderes?"
                    : "What is the occasion – a wedding, business, a gala or something else?";
            case TIMING -> "wedding".equals(now.occasion())
                    ? (de ? "Für welche Jahreszeit oder welches Datum planen Sie die Hochzeit?"
                    : "In which season or on which date is the wedding?")
                    : (de ? "Bis wann brauchen Sie " + ConciergeNames.articleAccusativeDe(now)
                      + " – gibt es einen Termin oder eine Jahreszeit?"
                    : "When do you need it – is there a date or a season?");
            case BUDGET -> (de ? "Welches Budget haben Sie sich vorgestellt? " : "What budget do you have in mind? ")
                    + ConciergePrices.startsAt(now.garment(), turn.prices(), de) + ".";
            case STYLE -> de
                    ? "Welcher Stil gefällt Ihnen – eher klassisch, modern-tailliert oder lässig? Und gibt es Farben "
                      + "oder Muster, die Sie mögen – oder gar nicht mögen?"
                    : "Which style do you like – classic, modern and slim, or relaxed? And are there colours or "
                      + "patterns you like – or dislike?";
            case FABRIC -> FabricProposal.proposal(turn, de);
            case CONTACT -> contact(turn, de);
            case HANDED_OVER -> turn.lead().createdNow() ? null
                    : (de ? "Unser Team ist informiert und meldet sich bei Ihnen. Kann ich Ihnen bis dahin noch etwas beantworten?"
                    : "Our team has your request and will be in touch. Is there anything I can answer in the meantime?");
        };
        if (turn.phase() != Phase.FABRIC && (!turn.recommendations().isEmpty() || FabricProposal.noOthers(turn))) {
            // one question a reply: with the phase's own question after it, the proposal ends without its own
            // ("Gefällt Ihnen einer davon …?" and then "Möchten Sie einen Termin …?" were two)
            String fabrics = FabricProposal.proposal(turn, de);
            return question == null ? fabrics : withoutLastQuestion(fabrics) + " " + lead + question;
        }
        return question == null ? null : lead + question;
    }

    /** The text without its closing question: "… 3) Tropical. Gefällt Ihnen einer davon?" → "… 3) Tropical." */
    static String withoutLastQuestion(String text) {
        int end = text != null && text.endsWith("?") ? Math.max(text.lastIndexOf(". "), text.lastIndexOf("! ")) : -1;
        return end < 0 ? text : text.substring(0, end + 1);
    }

    static String contact(Turn turn, boolean de) {
        LeadStatus lead = turn.lead();
        ConversationProfile p = turn.profile();
        if ("qualified".equals(lead.status())) {
            return de ? "Damit unser Team Ihnen den Termin bestätigen kann: Unter welcher E-Mail-Adresse erreichen wir Sie?"
                    : "So that our team can confirm the appointment: which email address can we reach you at?";
        }
        if (turn.signedIn() || p.email() != null || p.phone() != null) {
            return de ? "Damit haben wir ein gutes Bild. Möchten Sie einen Termin zum Maßnehmen vereinbaren? "
                    + "Dann kümmert sich unser Team persönlich um Sie."
                    : "That gives us a good picture. Would you like to book a measurement appointment? "
                    + "Our team will then take care of you personally.";
        }
        return de ? "Damit haben wir ein gutes Bild. Möchten Sie einen Termin zum Maßnehmen vereinbaren? Dann "
                + "hinterlassen Sie mir Ihre E-Mail-Adresse oder Telefonnummer, und unser Team meldet sich persönlich."
                : "That gives us a good picture. Would you like to book a measurement appointment? Then leave me "
                + "your email address or phone number and our team will get in touch personally.";
    }

    static String handover(Turn turn, boolean de) {
        if (turn.appointment() != null && ChatAppointment.BOOKED.equals(turn.appointment().status())) {
            return de ? "Ich habe Ihre Anfrage an unser Team übergeben." : "I have passed your request on to our team.";
        }
        ConversationProfile p = turn.profile();
        OfferedSlot held = turn.state().heldSlot();
        if (held != null) {
            // the time picked before there was a way to book it: the team confirms that one
            String when = ChatAppointments.describe(held, de);
            String where = p.email() != null ? p.email() : p.phone();
            String at = where == null ? "" : (de ? " unter " : " at ") + where;
            return de ? "Ich habe Ihre Anfrage an unser Team übergeben – ein Schneider meldet sich in Kürze" + at
                    + " persönlich bei Ihnen, um Ihren Wunschtermin am " + when + " zu bestätigen."
                    : "I have passed your request on to our team – one of our tailors will contact you shortly" + at
                    + " to confirm the time you picked, " + when + ".";
        }
        if (!turn.signedIn() && p.email() == null && p.phone() != null) {
            // known only by phone: say how the team will reach them
            return de ? "Ich habe Ihre Anfrage an unser Team übergeben – ein Schneider ruft Sie in Kürze unter "
                    + p.phone() + " an, um den Termin zum Maßnehmen abzustimmen."
                    : "I have passed your request on to our team – one of our tailors will call you shortly on "
                    + p.phone() + " to arrange the measurement appointment.";
        }
        return de ? "Ich habe Ihre Anfrage an unser Team übergeben – ein Schneider meldet sich in Kürze persönlich "
                + "bei Ihnen, um den Termin zum Maßnehmen abzustimmen."
                : "I have passed your request on to our team – one of our tailors will contact you shortly to "
                + "arrange the measurement appointment.";
    }
}
