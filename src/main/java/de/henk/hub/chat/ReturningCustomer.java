package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentBook;
import de.henk.hub.appointments.AppointmentType;
import de.henk.hub.appointments.AppointmentView;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.crm.CrmStore;
import de.henk.hub.crm.Deal;
import de.henk.hub.system.Timestamps;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A signed-in customer's new session: what the hub remembers, the deals the team works on, coming appointments. */
@Component
public class ReturningCustomer {

    private final ChatSessions sessions;
    private final ChatJson json;
    private final CrmStore crm;
    private final AppointmentBook appointments;
    private final UserRepository users;
    private final Clock clock;

    public ReturningCustomer(ChatSessions sessions, ChatJson json, CrmStore crm, AppointmentBook appointments,
                             UserRepository users, Clock clock) {
        this.sessions = sessions;
        this.json = json;
        this.crm = crm;
        this.appointments = appointments;
        this.users = users;
        this.clock = clock;
    }

    /** Null when the hub knows nothing of them yet. */
    public Turn.Returning of(Caller caller, LocalDate today) {
        ConversationProfile remembered = sessions.customerProfile(caller.userId()).map(json::profile)
                .map(p -> p.remembered(today.toString())).orElse(null);
        List<String> openDeals = caller.email() == null ? List.of()
                : crm.listDeals(new CrmStore.DealFilter(caller.email(), "open", null), 0, 3).stream()
                        .map(Deal::title).toList();
        OffsetDateTime now = Timestamps.now(clock);
        boolean english = remembered != null && "en".equals(remembered.language());
        List<String> coming = appointments.list(caller, null, "0", "5").appointments().stream()
                .filter(a -> a.startsAt() != null && a.startsAt().isAfter(now) && !"cancelled".equals(a.status()))
                .sorted(Comparator.comparing(AppointmentView::startsAt)).limit(2)
                .map(a -> english ? AppointmentType.of(a.type()).label("en") + " on "
                        + a.date().format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)) + " at " + a.time()
                        : AppointmentType.of(a.type()).label("de") + " am "
                        + a.date().format(DateTimeFormatter.ofPattern("d.M.yyyy")) + " um " + a.time())
                .toList();
        if (remembered == null && openDeals.isEmpty() && coming.isEmpty()) {
            return null;
        }
        String name = remembered != null && remembered.name() != null ? remembered.name() : username(caller);
        return new Turn.Returning(name, remembered == null ? ConversationProfile.empty() : remembered, openDeals,
                coming);
    }

    /** The signed-in customer's user name, if they have one. */
    public String username(Caller caller) {
        return caller.authenticated() ? users.findById(caller.userId()).map(u -> u.username()).orElse(null) : null;
    }

    /** What the hub already knew of a customer who now claims an anonymous conversation, joined with it. */
    public ConversationProfile joined(Caller caller, ConversationProfile spoken, LocalDate today) {
        return sessions.customerProfile(caller.userId()).map(json::profile)
                .map(p -> p.remembered(today.toString()).mergedWith(spoken)).orElse(spoken);
    }
}
