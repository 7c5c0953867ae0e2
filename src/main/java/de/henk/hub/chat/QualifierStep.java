package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentBook;
import de.henk.hub.auth.Caller;
import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.crm.LeadIntake;
import de.henk.hub.handoff.PersonRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-qualify} and the qualified lead: the {@link LeadQualifier}'s score, the lead's status in the
 * response (none, qualified, created, declined), the phase it implies (a lead handed over ends the contact phase;
 * a qualified one without contact data asks for it), and — when this turn qualified it and the customer can be
 * reached — the {@link ConversationLead} for the CRM route, and the deal it became.
 */
@Component("chatQualifier")
public class QualifierStep {

    private final LeadQualifier qualifier;
    private final FabricCatalogue catalogue;
    private final ReturningCustomer customers;
    private final AppointmentBook appointments;
    private final ChatJson json;
    private final Clock clock;
    private final EntryPrices prices;

    public QualifierStep(FabricCatalogue catalogue, ReturningCustomer customers, AppointmentBook appointments,
                         ChatJson json, Clock clock) {
        this.catalogue = catalogue;
        this.customers = customers;
        this.appointments = appointments;
        this.json = json;
        this.clock = clock;
        this.prices = EntryPrices.of(catalogue);
        this.qualifier = new LeadQualifier(prices);
    }

    public ChatTurn qualify(ChatTurn turn) {
        ChatTurn.Understood understood = turn.understood();
        ConversationProfile now = understood.profile();
        Caller caller = turn.caller();
        ConversationState state = turn.state();
        ConversationState counted = state.nextTurn();
        LocalDate today = LocalDate.now(clock);
        LeadQualifier.Assessment assessment = qualifier.assess(now, caller, counted, turn.opened().previous(), today,
                teamAsked(turn, today));
        LeadStatus lead;
        boolean create = false;
        if (state.leadDealId() != null && understood.learned().declined()) {
            // "bitte keine Kontaktaufnahme" after the hand-over still wins: the customer is told so, the deal stays
            lead = new LeadStatus("declined", 0, assessment.reasons(), state.leadDealId(), false);
        } else if (state.leadDealId() != null) {
            lead = new LeadStatus("created", assessment.score(), assessment.reasons(), state.leadDealId(), false);
        } else if (now.declined()) {
            lead = new LeadStatus("declined", 0, assessment.reasons(), null, false);
        } else if (assessment.qualified() && (assessment.contactEmail() != null || now.phone() != null)) {
            create = true;
            lead = new LeadStatus("created", assessment.score(), assessment.reasons(), null, true);
        } else if (assessment.qualified()) {
            lead = new LeadStatus("qualified", assessment.score(), assessment.reasons(), null, false);
        } else {
            lead = new LeadStatus("none", assessment.score(), assessment.reasons(), null, false);
        }
        Phase phase = turn.progress().phase();
        if (create && phase == Phase.CONTACT) {
            phase = Phase.HANDED_OVER;
        }
        if ("qualified".equals(lead.status()) && phase.ordinal() < Phase.CONTACT.ordinal() && state.proposed()) {
            phase = Phase.CONTACT;
        }
        ChatTurn.Opened opened = turn.opened();
        Turn answered = new Turn(opened.message(), opened.before(), understood.learned(), now, opened.previous(),
                phase, state, understood.facts(), understood.smalltalk(), turn.progress().recommendations(), lead,
                caller.authenticated(), opened.returning(), null, prices, opened.personAwaited());
        return turn.with(counted).with(answered, new ChatTurn.Qualification(assessment, create));
    }

    /**
     * A person of the team asked for (before, or in this message), and a time picked without an account — held
     * before, or one of the times offered picked now (the calendar step holds it after this one).
     */
    private static LeadQualifier.TeamAsked teamAsked(ChatTurn turn, LocalDate today) {
        ConversationState state = turn.state();
        String message = turn.message();
        boolean picked = !turn.caller().authenticated() && (state.heldSlot() != null || !state.offeredSlots().isEmpty()
                && ChatAppointments.choice(message, SlotWish.read(message, today), state.offeredSlots()) != null);
        return new LeadQualifier.TeamAsked(turn.opened().personAwaited() || PersonRequest.in(message), picked);
    }

    /** The body for {@code direct:crm-accept-lead}. */
    public ConversationLead lead(ChatTurn turn) {
        ConversationProfile now = turn.profile();
        Caller caller = turn.caller();
        String name = contactName(now, caller);
        return new ConversationLead(caller.userId(), turn.sessionId(), LeadQualifier.opportunityKey(now, caller),
                name != null ? name : placeholderName(now, caller), name == null,
                turn.qualification().assessment().contactEmail(), now.phone(),
                LeadQualifier.dealTitle(now), dealValue(now, turn.turn().recommendations()), expectedCloseDate(now),
                json.note(now) + "\n" + turn.qualification().assessment().why() + heldTime(turn.state()));
    }

    /** A time the customer picked but could not book without an account: the team confirms it. */
    private static String heldTime(ConversationState state) {
        return state.heldSlot() == null ? ""
                : "\nWunschtermin (noch nicht gebucht): " + ChatAppointments.describe(state.heldSlot(), true);
    }

    /** The deal the lead became; an appointment booked a moment ago (before the deal existed) joins it. */
    public ChatTurn accepted(ChatTurn turn, LeadIntake.AcceptedLead accepted) {
        ChatAppointment booking = turn.turn().appointment();
        if (booking != null && booking.appointmentId() != null) {
            appointments.linkToDeal(booking.appointmentId(), accepted.dealId());
        }
        ChatTurn.Answer answer = turn.answer();
        return turn.with(turn.state().withLead(accepted.dealId()))
                .with(new ChatTurn.Answer(answer.offlineReply(), answer.reply(), answer.concierge(), accepted.dealId()));
    }

    /** The event day, or the last day of the month/range the customer named: Pipedrive's expected close date. */
    static LocalDate expectedCloseDate(ConversationProfile profile) {
        String date = profile.eventDate() != null ? profile.eventDate() : profile.dateTo();
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The name the customer gave, else the account's username; null when there is neither. */
    private String contactName(ConversationProfile profile, Caller caller) {
        if (profile.name() != null) {
            return profile.name();
        }
        String username = customers.username(caller);
        return username != null && !username.isBlank() ? username : null;
    }

    /** A name for the team to go by until the customer gives one: the email's local part, else "Chat-Kunde". */
    private static String placeholderName(ConversationProfile profile, Caller caller) {
        String email = caller.email() != null ? caller.email() : profile.email();
        return email == null ? "Chat-Kunde" : email.substring(0, email.indexOf('@'));
    }

    /**
     * The budget (times {@code quantity} when a total was said for several garments: the total again, to the ten, as
     * the share was rounded down); without one, the garment's price in the chosen or cheapest proposed cloth (a
     * three-piece with its waistcoat), else where the garment starts in the catalogue (a suit's start when none is
     * made).
     */
    private BigDecimal dealValue(ConversationProfile profile, List<FabricHit> proposed) {
        if (profile.budgetEur() != null) {
            int quantity = profile.quantity() == null ? 1 : profile.quantity();
            BigDecimal value = BigDecimal.valueOf((long) profile.budgetEur() * quantity);
            return quantity == 1 ? value : value.setScale(-1, java.math.RoundingMode.HALF_UP).setScale(0);
        }
        String garment = profile.garment();
        if (profile.chosenFabric() != null) {
            var chosen = catalogue.find(profile.chosenFabric());
            if (chosen.isPresent()) {
                return BigDecimal.valueOf(FabricFit.priceOf(chosen.get(), garment));
            }
        }
        Integer from = prices.from(garment);
        return BigDecimal.valueOf(proposed.stream().mapToInt(h -> FabricFit.priceOf(h.fabric(), garment)).min()
                .orElse(from != null ? from : prices.from("suit")));
    }
}
