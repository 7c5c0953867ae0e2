package de.henk.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.appointments.AppointmentBook;
import de.henk.hub.appointments.AppointmentType;
import de.henk.hub.appointments.AppointmentView;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.chat.llm.LlmConcierge;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.crm.CrmStore;
import de.henk.hub.crm.Deal;
import de.henk.hub.crm.LeadIntake;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chat turn: find or open the session (claiming an anonymous one for a signed-in customer; a signed-in
 * customer's new session starts from what the hub remembers), understand the message, move the dialogue's state
 * machine, propose fabrics, qualify the lead (and hand it to sales once), answer — through the LLM when one is
 * configured, the offline concierge otherwise or when the LLM fails — and store both sides. Sessions belong to
 * their user; nobody else sees them. Nothing a customer writes is logged.
 */
@Service("chat")
public class ChatService {

    private static final Pattern ASKS_FOR_FABRICS = Pattern.compile(
            "(?<!\\p{L})(stoff\\p{L}*|fabrics?|cloth|andere\\p{L}* (stoffe|vorschläge|richtung)|zeigen sie|show me|"
                    + "vorschl\\p{L}*|alternative\\p{L}*)(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MIN_DEAL_VALUE = 1190;

    private final ChatSessions sessions;
    private final MessageReader reader;
    private final OfflineConcierge concierge = new OfflineConcierge();
    private final LeadQualifier qualifier = new LeadQualifier();
    private final ShopKnowledge knowledge;
    private final FabricAdvisor advisor;
    private final LeadIntake leads;
    private final CrmStore crm;
    private final UserRepository users;
    private final LlmConcierge llm;
    private final de.henk.hub.handoff.Handoffs handoffs;
    private final FabricCatalogue catalogue;
    private final AppointmentBook appointments;
    private final ChatAppointments calendar;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxMessageLength;

    public ChatService(ChatSessions sessions, ShopKnowledge knowledge, FabricAdvisor advisor, LeadIntake leads,
                       CrmStore crm, UserRepository users, LlmConcierge llm, FabricCatalogue catalogue,
                       AppointmentBook appointments, ObjectMapper json, TransactionTemplate tx, Clock clock,
                       HenkProperties properties, de.henk.hub.handoff.Handoffs handoffs, ChatAppointments calendar,
                       MessageReader reader) {
        this.handoffs = handoffs;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.appointments = appointments;
        this.sessions = sessions;
        this.reader = reader;
        this.knowledge = knowledge;
        this.advisor = advisor;
        this.leads = leads;
        this.crm = crm;
        this.users = users;
        this.llm = llm;
        // stored profiles may come from an older or newer version of the hub: unknown fields are not an error
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.tx = tx;
        this.clock = clock;
        this.maxMessageLength = properties.chat().maxMessageLength();
    }

    public ChatResponse turn(ChatRequest request, Caller caller) {
        OffsetDateTime receivedAt = Timestamps.now(clock);
        Prepared understood = prepare(request, caller);
        if (understood.personOwns()) {
            return forThePerson(understood, receivedAt);
        }
        Prepared prepared = withCalendar(understood);
        LlmConcierge.Answer answer = llm.answer(prepared.turn(), prepared.sessionId(), prepared.offlineReply());
        return handOverIfAsked(commit(prepared, answer.reply(), answer.concierge(), receivedAt), prepared);
    }

    /** Streaming: the same turn, the reply handed to {@code onChunk} piece by piece as the LLM produces it. */
    public ChatResponse streamTurn(ChatRequest request, Caller caller, java.util.function.Consumer<String> onChunk) {
        OffsetDateTime receivedAt = Timestamps.now(clock);
        Prepared understood = prepare(request, caller);
        if (understood.personOwns()) {
            return forThePerson(understood, receivedAt);
        }
        Prepared prepared = withCalendar(understood);
        LlmConcierge.Answer answer = llm.stream(prepared.turn(), prepared.sessionId(), prepared.offlineReply(), onChunk);
        return handOverIfAsked(commit(prepared, answer.reply(), answer.concierge(), receivedAt), prepared);
    }

    /** A person owns the session (human handoff): HENK stays quiet; the message waits for the person's answer. */
    private ChatResponse forThePerson(Prepared prepared, OffsetDateTime receivedAt) {
        Turn turn = prepared.turn();
        tx.executeWithoutResult(status -> {
            sessions.update(prepared.sessionId(), turn.phase().name(), write(turn.profile()), write(prepared.state()),
                    Timestamps.now(clock));
            sessions.addMessage(prepared.sessionId(), "customer", turn.message(), receivedAt);
        });
        return new ChatResponse(prepared.sessionId(), "", turn.phase().id(), turn.profile(), "staff", List.of(),
                turn.lead(), null);
    }

    /**
     * The calendar's part of the turn, before anyone answers: free times offered, or the chosen one booked for a
     * signed-in customer (its own transaction: a booking stands even if storing the chat turn fails later). Then the
     * offline concierge's reply — which the LLM gets as guidance, so both say what really happened.
     */
    private Prepared withCalendar(Prepared prepared) {
        Turn turn = prepared.turn();
        ChatAppointments.Settled settled = calendar.settle(turn.message(), turn.learned(), prepared.state(),
                prepared.caller());
        Turn complete = turn.with(settled.appointment());
        return new Prepared(prepared.session(), prepared.caller(), complete, concierge.reply(complete),
                prepared.createLead(), prepared.assessment(), prepared.sessionId(), settled.state(), false);
    }

    /** "Ich möchte mit einem Menschen sprechen": HENK answered; now the team is asked to take over. */
    private ChatResponse handOverIfAsked(ChatResponse response, Prepared prepared) {
        if (handoffs.asksForPerson(prepared.turn().message())) {
            handoffs.request(response.sessionId(), prepared.turn().message(), prepared.caller());
        }
        return response;
    }

    /**
     * Everything up to the calendar and the reply: no database writes; the LLM only to read the message (never
     * while a person owns the session — nothing is answered then, so nothing of it goes to the model).
     */
    Prepared prepare(ChatRequest request, Caller caller) {
        String message = request.message().strip();
        if (message.codePointCount(0, message.length()) > maxMessageLength) {
            throw new ApiException(400, "message_too_long",
                    "A message may have at most " + maxMessageLength + " characters",
                    List.of(new ApiException.FieldError("message", "too long")), Map.of());
        }
        LocalDate today = LocalDate.now(clock);
        ChatSessions.StoredSession session = request.sessionId() == null ? null : continuable(request.sessionId(), caller);
        ConversationProfile before;
        ConversationState state;
        Phase previous;
        Turn.Returning returning = null;
        if (session == null) {
            state = ConversationState.initial();
            previous = null;
            before = ConversationProfile.empty();
            if (caller.authenticated()) {
                returning = returning(caller, today);
                if (returning != null) {
                    before = returning.remembered();
                }
            }
        } else {
            before = profile(session.profileJson());
            state = state(session.stateJson());
            previous = Phase.of(session.phase());
            if (session.userId() == null && caller.authenticated()) {
                // an anonymous conversation becomes the customer's: it joins what the hub already knew of them
                ConversationProfile spoken = before;
                before = sessions.customerProfile(caller.userId()).map(this::profile)
                        .map(p -> p.remembered(today.toString()).mergedWith(spoken)).orElse(before);
            }
        }

        List<ShopKnowledge.Entry> facts = knowledge.answering(message);
        List<ShopKnowledge.Entry> smalltalk = knowledge.smalltalk(message);
        // the rules, or a configured model cross-checked by the rules
        boolean personOwns = session != null && handoffs.personOwns(session.id());
        ConversationProfile learned = reader.read(message, previous, today, !facts.isEmpty() || !smalltalk.isEmpty(),
                !personOwns);
        if (Boolean.TRUE.equals(learned.wantsAppointment()) && learned.occasion() == null && learned.eventDate() != null) {
            // "Termin zur Anprobe am 3.12. um 11 Uhr": the day is the appointment's, not the event's
            learned = learned.toBuilder().timing(null, null, null, null, null, null).build();
        }
        // while times are on offer, "der zweite" means a time; a cloth is chosen by its code
        String chosen = chosenFabric(message, state.proposedCodes(), !state.offeredSlots().isEmpty());
        if (chosen != null) {
            learned = learned.toBuilder().chosenFabric(chosen).build();
        }
        ConversationProfile now = before.mergedWith(learned);
        if (previous != null && facts.isEmpty() && smalltalk.isEmpty() && !learned.declined() && learned.hasNoFacts()
                && stillMissing(previous, now)) {
            // asked and passed over: HENK does not ask the same thing again
            state = state.skipping(previous);
        }
        Phase phase = Phase.next(now, state);

        List<FabricHit> recommendations = List.of();
        boolean wantsFabrics = ASKS_FOR_FABRICS.matcher(message).find();
        if (!now.declined() && (phase == Phase.FABRIC
                || state.proposed() && (changesTheCloth(learned) || wantsFabrics))) {
            recommendations = advisor.recommend(now);
            state = state.withProposal(recommendations.stream().map(h -> h.fabric().code()).toList());
        }

        ConversationState counted = state.nextTurn();
        LeadQualifier.Assessment assessment = qualifier.assess(now, caller, counted, previous, today);
        LeadStatus lead;
        boolean create = false;
        if (state.leadDealId() != null) {
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
        if (create && phase == Phase.CONTACT) {
            phase = Phase.HANDED_OVER;
        }
        if ("qualified".equals(lead.status()) && phase.ordinal() < Phase.CONTACT.ordinal() && state.proposed()) {
            phase = Phase.CONTACT;
        }
        Turn turn = new Turn(message, before, learned, now, previous, phase, state, facts, smalltalk,
                recommendations, lead, caller.authenticated(), returning, null);
        return new Prepared(session, caller, turn, null, create, assessment,
                session == null ? ChatSessions.newId() : session.id(), counted, personOwns);
    }

    private ChatResponse commit(Prepared prepared, String reply, String conciergeName, OffsetDateTime receivedAt) {
        Turn turn = prepared.turn();
        Caller caller = prepared.caller();
        ConversationProfile now = turn.profile();
        Long[] dealId = {turn.lead().dealId()};
        ConversationState[] state = {prepared.state()};
        tx.executeWithoutResult(status -> {
            OffsetDateTime at = Timestamps.now(clock);
            if (prepared.createLead()) {
                LeadIntake.AcceptedLead accepted = leads.acceptFromConversation(caller.userId(), prepared.sessionId(),
                        LeadQualifier.opportunityKey(now, caller), contactName(now, caller),
                        prepared.assessment().contactEmail(), now.phone(), LeadQualifier.dealTitle(now),
                        dealValue(now, turn.recommendations()), expectedCloseDate(now), conversationNote(now));
                dealId[0] = accepted.dealId();
                state[0] = state[0].withLead(accepted.dealId());
                ChatAppointment booking = turn.appointment();
                if (booking != null && booking.appointmentId() != null) {
                    // booked a moment ago, before this deal existed: the appointment joins it (Pipedrive activity)
                    appointments.linkToDeal(booking.appointmentId(), accepted.dealId());
                }
            }
            if (!prepared.createLead() && state[0].leadDealId() != null && turn.learned().email() != null) {
                // handed over with a phone number only, the customer now gives an email: the deal and person get it
                leads.addEmail(state[0].leadDealId(), turn.learned().email());
            }
            String profileJson = write(now);
            String stateJson = write(state[0]);
            if (prepared.session() == null) {
                sessions.create(new ChatSessions.StoredSession(prepared.sessionId(), caller.userId(), turn.phase().name(),
                        profileJson, stateJson, at, at));
            } else {
                if (prepared.session().userId() == null && caller.authenticated()) {
                    sessions.claim(prepared.sessionId(), caller.userId());
                }
                sessions.update(prepared.sessionId(), turn.phase().name(), profileJson, stateJson, at);
            }
            if (caller.authenticated()) {
                sessions.rememberCustomer(caller.userId(), profileJson, at);
            }
            // the customer's message when it arrived, HENK's when it was ready: analytics measure the difference
            sessions.addMessage(prepared.sessionId(), "customer", turn.message(), receivedAt);
            sessions.addMessage(prepared.sessionId(), "henk", reply, at);
        });
        LeadStatus lead = turn.lead();
        LeadStatus shown = new LeadStatus(lead.status(), lead.score(), lead.reasons(), dealId[0], lead.createdNow());
        return new ChatResponse(prepared.sessionId(), reply, turn.phase().id(), now, conciergeName,
                turn.recommendations(), shown, turn.appointment());
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

    /** What HENK learned, as a note for the sales team in Pipedrive. */
    private String conversationNote(ConversationProfile profile) {
        StringBuilder note = new StringBuilder("Aus dem Gespräch mit HENK:\n");
        json.valueToTree(profile).fields().forEachRemaining(field -> {
            if (!field.getValue().isNull() && !(field.getValue().isArray() && field.getValue().isEmpty())) {
                note.append("- ").append(field.getKey()).append(": ")
                        .append(field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString())
                        .append('\n');
            }
        });
        return note.toString().strip();
    }

    /** A signed-in customer's new session: what the hub remembers, and the deals the team is working on. */
    private Turn.Returning returning(Caller caller, LocalDate today) {
        ConversationProfile remembered = sessions.customerProfile(caller.userId()).map(this::profile)
                .map(p -> p.remembered(today.toString())).orElse(null);
        List<String> openDeals = caller.email() == null ? List.of()
                : crm.listDeals(new CrmStore.DealFilter(caller.email(), "open", null), 0, 3).stream()
                        .map(Deal::title).toList();
        OffsetDateTime now = Timestamps.now(clock);
        boolean english = remembered != null && "en".equals(remembered.language());
        List<String> coming = appointments.list(caller, null, "0", "5").appointments().stream()
                .filter(a -> a.startsAt() != null && a.startsAt().isAfter(now) && !"cancelled".equals(a.status()))
                .sorted(java.util.Comparator.comparing(AppointmentView::startsAt)).limit(2)
                .map(a -> english ? AppointmentType.of(a.type()).label("en") + " on "
                        + a.date().format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK))
                        + " at " + a.time()
                        : AppointmentType.of(a.type()).label("de") + " am "
                        + a.date().format(java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy")) + " um " + a.time())
                .toList();
        if (remembered == null && openDeals.isEmpty() && coming.isEmpty()) {
            return null;
        }
        String name = remembered != null && remembered.name() != null ? remembered.name()
                : users.findById(caller.userId()).map(u -> u.username()).orElse(null);
        return new Turn.Returning(name, remembered == null ? ConversationProfile.empty() : remembered, openDeals,
                coming);
    }

    /** "Der zweite gefällt mir", "the first one", "VBC-2311": a cloth from the last proposal. */
    static String chosenFabric(String message, List<String> proposed, boolean timesOnOffer) {
        if (proposed.isEmpty()) {
            return null;
        }
        String text = message.toLowerCase(java.util.Locale.GERMAN);
        for (String code : proposed) {
            if (text.contains(code.toLowerCase(java.util.Locale.ROOT))) {
                return code;
            }
        }
        if (timesOnOffer && !ASKS_FOR_FABRICS.matcher(message).find()) {
            return null;
        }
        String[][] ordinals = {
                {"erste[nmrs]?", "first", "nummer 1", "nr\\.? ?1", "1\\)"},
                {"zweite[nmrs]?", "second", "nummer 2", "nr\\.? ?2", "2\\)"},
                {"dritte[nmrs]?", "third", "nummer 3", "nr\\.? ?3", "3\\)", "letzte[nmrs]?", "last"}};
        for (int i = 0; i < Math.min(ordinals.length, proposed.size()); i++) {
            if (Pattern.compile("(?<!\\p{L})(" + String.join("|", ordinals[i]) + ")(?!\\p{L})",
                    Pattern.UNICODE_CASE).matcher(text).find()) {
                return proposed.get(i == 2 ? Math.min(2, proposed.size() - 1) : i);
            }
        }
        return null;
    }

    private static boolean stillMissing(Phase asked, ConversationProfile now) {
        return switch (asked) {
            case OCCASION -> now.occasion() == null;
            case TIMING -> !now.knowsTiming();
            case BUDGET -> now.budgetEur() == null;
            case STYLE -> !now.knowsLook();
            default -> false;
        };
    }

    private static boolean changesTheCloth(ConversationProfile learned) {
        return !learned.colours().isEmpty() || !learned.avoidColours().isEmpty() || !learned.patterns().isEmpty()
                || !learned.avoidPatterns().isEmpty() || !learned.fabricWishes().isEmpty() || learned.style() != null
                || learned.budgetEur() != null || learned.garment() != null || learned.season() != null;
    }

    private String contactName(ConversationProfile profile, Caller caller) {
        if (profile.name() != null) {
            return profile.name();
        }
        if (caller.authenticated()) {
            String username = users.findById(caller.userId()).map(u -> u.username()).orElse(null);
            if (username != null && !username.isBlank()) {
                return username;
            }
        }
        String email = caller.email() != null ? caller.email() : profile.email();
        return email == null ? "Chat-Kunde" : email.substring(0, email.indexOf('@'));
    }

    /** The budget; without one, the chosen or cheapest proposed cloth's price, else the entry price of a suit. */
    private BigDecimal dealValue(ConversationProfile profile, List<FabricHit> proposed) {
        if (profile.budgetEur() != null) {
            return BigDecimal.valueOf(profile.budgetEur());
        }
        if (profile.chosenFabric() != null) {
            var chosen = catalogue.find(profile.chosenFabric());
            if (chosen.isPresent()) {
                return BigDecimal.valueOf(chosen.get().suitPriceEur());
            }
        }
        return BigDecimal.valueOf(proposed.stream().mapToInt(h -> h.fabric().suitPriceEur()).min()
                .orElse(MIN_DEAL_VALUE));
    }

    public SessionList list(Caller caller, String page, String size) {
        Page.Request request = Page.request(page, size);
        return new SessionList(sessions.ofUser(caller.userId(), request.offset(), request.size()),
                request.of(sessions.countOfUser(caller.userId())));
    }

    public SessionDetail get(String sessionId, Caller caller) {
        ChatSessions.StoredSession session = sessions.find(sessionId)
                .filter(s -> caller.has(Role.BETA) || (s.userId() != null && s.userId().equals(caller.userId())))
                .orElseThrow(ChatService::notFound);
        return new SessionDetail(session.id(), session.phase().toLowerCase(), profile(session.profileJson()),
                session.createdAt(), session.updatedAt(), sessions.messages(session.id()));
    }

    /** The session a turn may continue: anonymous ones by whoever holds the id, owned ones only by the owner. */
    private ChatSessions.StoredSession continuable(String sessionId, Caller caller) {
        ChatSessions.StoredSession session = sessions.find(sessionId).orElseThrow(ChatService::notFound);
        if (session.userId() != null && !session.userId().equals(caller.userId())) {
            throw notFound();
        }
        return session;
    }

    private static ApiException notFound() {
        return ApiException.notFound("session_not_found", "No chat session with this id");
    }

    private ConversationProfile profile(String stored) {
        try {
            return json.readValue(stored, ConversationProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not readable", e);
        }
    }

    private ConversationState state(String stored) {
        if (stored == null) {
            return ConversationState.initial();
        }
        try {
            return json.readValue(stored, ConversationState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation state is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A turn understood and answered offline, not yet stored. */
    record Prepared(ChatSessions.StoredSession session, Caller caller, Turn turn, String offlineReply,
                    boolean createLead, LeadQualifier.Assessment assessment, String sessionId,
                    ConversationState state, boolean personOwns) { }

    public record SessionList(List<ChatSessions.SessionSummary> sessions, Page page) { }

    public record SessionDetail(String sessionId, String phase, ConversationProfile profile, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt, List<ChatSessions.StoredMessage> messages) { }
}
