package de.henk.hub.appointments;

import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.auth.UserAccount;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.crm.CrmOutbox;
import de.henk.hub.crm.OutboxEntry;
import de.henk.hub.events.DomainEvents;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import de.henk.hub.web.PathIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, listing and cancelling atelier appointments. No double booking: an appointment inserts a row per time
 * slot it occupies, and the slot's primary key lets only one of two concurrent bookings win.
 */
@Service("appointments")
public class AppointmentBook {

    private final JdbcClient db;
    private final AtelierCalendar calendar;
    private final UserRepository users;
    private final DomainEvents events;
    private final CrmOutbox outbox;
    private final AppointmentActivities activities;
    private final Clock clock;
    private final AppointmentLimits limits;

    public AppointmentBook(JdbcClient db, AtelierCalendar calendar, UserRepository users, DomainEvents events,
                           CrmOutbox outbox, AppointmentActivities activities, Clock clock, AppointmentLimits limits) {
        this.limits = limits;
        this.db = db;
        this.calendar = calendar;
        this.users = users;
        this.events = events;
        this.outbox = outbox;
        this.activities = activities;
        this.clock = clock;
    }

    @Transactional
    public AppointmentView book(AppointmentRequest request, Caller caller) {
        AppointmentType type = AppointmentType.of(request.type());
        UserAccount customer = customer(request.customerId(), caller);
        LocalDate date = date(request.date());
        LocalTime time = request.time() == null || request.time().isBlank()
                ? availability(request.date(), request.type()).stream().findFirst()
                        .orElseThrow(() -> ApiException.conflict("no_free_slot", "No free time left on " + date))
                : time(request.time());
        ZonedDateTime start = calendar.validStart(date, time, type);
        ZonedDateTime end = start.plus(calendar.duration(type));
        OffsetDateTime now = Timestamps.now(clock);
        if (!caller.has(de.henk.hub.auth.Role.BETA)) {
            limits.admit(customer.id(), type, date, now);
        }
        Long dealId = latestDealOf(customer).orElse(null);

        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into appointment (user_id, customer_email, customer_name, type, starts_at, ends_at, status, notes,
                                         deal_id, created_at, calendar_uid)
                values (:user, :email, :name, :type, :start, :end, 'booked', :notes, :deal, :now, :uid)""")
                .param("user", customer.id()).param("email", customer.email()).param("name", customer.username())
                .param("type", type.id()).param("start", utc(start)).param("end", utc(end))
                .param("notes", blankToNull(request.notes()), java.sql.Types.VARCHAR)
                .param("deal", dealId, java.sql.Types.BIGINT).param("now", now)
                .param("uid", "appointment-" + java.util.UUID.randomUUID() + "@henk-hub").update(key, "id");
        long id = key.getKey().longValue();
        try {
            for (ZonedDateTime slot = start; slot.isBefore(end); slot = slot.plus(calendar.slot())) {
                db.sql("insert into appointment_slot (slot_start, appointment_id) values (:slot, :id)")
                        .param("slot", utc(slot)).param("id", id).update();
            }
        } catch (DuplicateKeyException taken) {
            // the whole booking rolls back: nothing half-stored
            throw ApiException.conflict("slot_taken", "This time is already booked; see /api/appointments/availability");
        }
        AppointmentView booked = view(id);
        events.record("appointment.booked", "appointment/" + id, eventData(booked));
        if (dealId != null) {
            outbox.enqueue(dealId, OutboxEntry.CREATE_ACTIVITY, activities.bookedPayload(booked, type), now);
        }
        return booked;
    }

    /**
     * A booking made before the customer's deal existed (HENK booked the measurement in the same chat turn that
     * created the lead) joins the deal, and its Pipedrive activity follows the deal through the outbox.
     */
    @Transactional
    public void linkToDeal(long appointmentId, long dealId) {
        int linked = db.sql("update appointment set deal_id = :deal where id = :id and deal_id is null")
                .param("deal", dealId).param("id", appointmentId).update();
        if (linked == 1) {
            AppointmentView appointment = view(appointmentId);
            outbox.enqueue(dealId, OutboxEntry.CREATE_ACTIVITY, activities.bookedPayload(appointment,
                    AppointmentType.of(appointment.type())), Timestamps.now(clock));
        }
    }

    /** Free start times that day for that type (future ones only). */
    public List<LocalTime> availability(String dateText, String typeText) {
        AppointmentType type = AppointmentType.of(typeText);
        LocalDate date = date(dateText);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(calendar.zone()));
        List<OffsetDateTime> taken = db.sql("""
                select slot_start from appointment_slot where slot_start >= :from and slot_start < :to""")
                .param("from", utc(date.atStartOfDay(calendar.zone())))
                .param("to", utc(date.plusDays(1).atStartOfDay(calendar.zone())))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list();
        return calendar.candidateStarts(date, type).stream().filter(t -> {
            ZonedDateTime start = date.atTime(t).atZone(calendar.zone());
            if (!start.isAfter(now)) {
                return false;
            }
            for (ZonedDateTime s = start; s.isBefore(start.plus(calendar.duration(type))); s = s.plus(calendar.slot())) {
                OffsetDateTime slot = utc(s);
                if (taken.stream().anyMatch(x -> x.toInstant().equals(slot.toInstant()))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    public Availability availabilityView(String date, String type) {
        return new Availability(date(date), AppointmentType.of(type).id(),
                calendar.duration(AppointmentType.of(type)).toMinutes(), availability(date, type));
    }

    /** Own appointments; the sales team sees all (optionally one customer's). */
    public AppointmentList list(Caller caller, String customerId, String page, String size) {
        Page.Request request = Page.request(page, size);
        String user = caller.has(Role.BETA) ? blankToNull(customerId) : caller.userId();
        String where = user == null ? "" : " where user_id = :user";
        var query = db.sql("select * from appointment" + where + " order by starts_at desc, id desc"
                + " offset :offset rows fetch next :limit rows only")
                .param("offset", request.offset()).param("limit", request.size());
        var count = db.sql("select count(*) from appointment" + where);
        if (user != null) {
            query = query.param("user", user);
            count = count.param("user", user);
        }
        return new AppointmentList(query.query(this::map).list(), request.of(count.query(Long.class).single()));
    }

    /** Cancels; customers only their own and only with the notice period, the sales team any time. */
    @Transactional
    public void cancel(String idText, Caller caller) {
        AppointmentView appointment = find(idText)
                .filter(a -> caller.has(Role.BETA) || a.customerId() != null && a.customerId().equals(caller.userId()))
                .orElseThrow(AppointmentBook::notFound);
        if (!"booked".equals(appointment.status())) {
            throw ApiException.conflict("already_cancelled", "This appointment is already cancelled");
        }
        Duration left = Duration.between(Timestamps.now(clock), appointment.startsAt());
        if (!caller.has(Role.BETA) && left.compareTo(calendar.cancellationNotice()) < 0) {
            throw ApiException.conflict("too_late_to_cancel", "Appointments can be cancelled up to "
                    + calendar.cancellationNotice().toHours() + " hours before; please call us");
        }
        int cancelled = db.sql("""
                update appointment set status = 'cancelled', cancelled_at = :now where id = :id and status = 'booked'""")
                .param("now", Timestamps.now(clock)).param("id", appointment.id()).update();
        if (cancelled == 0) {
            // cancelled a moment ago by a concurrent request (a double click, or the team at the same time)
            throw ApiException.conflict("already_cancelled", "This appointment is already cancelled");
        }
        db.sql("delete from appointment_slot where appointment_id = :id").param("id", appointment.id()).update();
        if (appointment.dealId() != null) {
            // after its creation (a customer's entries go out in order): the activity leaves the team's calendar
            outbox.enqueue(appointment.dealId(), OutboxEntry.CANCEL_ACTIVITY,
                    activities.cancelledPayload(appointment.id()), Timestamps.now(clock));
        }
        events.record("appointment.cancelled", "appointment/" + appointment.id(), eventData(view(appointment.id())));
    }

    private Optional<AppointmentView> find(String idText) {
        OptionalLong number = PathIds.numeric(idText);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return db.sql("select * from appointment where id = :id").param("id", number.getAsLong())
                .query(this::map).optional();
    }

    private AppointmentView view(long id) {
        return db.sql("select * from appointment where id = :id").param("id", id).query(this::map).single();
    }

    private UserAccount customer(String customerId, Caller caller) {
        if (customerId == null || customerId.isBlank() || customerId.equals(caller.userId())) {
            return users.findById(caller.userId())
                    .orElseThrow(() -> ApiException.unauthorized("account_not_found", "This account no longer exists"));
        }
        if (!caller.has(Role.BETA)) {
            throw ApiException.forbidden("not_your_account", "Customers book appointments for themselves");
        }
        return users.findById(customerId)
                .orElseThrow(() -> ApiException.notFound("customer_not_found", "No customer with this id"));
    }

    private Optional<Long> latestDealOf(UserAccount customer) {
        return db.sql("""
                select id from crm_deal where (user_id = :user or email = :email) and status <> 'lost'
                order by created_at desc fetch first 1 rows only""")
                .param("user", customer.id()).param("email", customer.email()).query(Long.class).optional();
    }

    private Map<String, Object> eventData(AppointmentView a) {
        return DomainEvents.data("appointment_id", a.id(), "type", a.type(), "date", a.date().toString(),
                "time", a.time().toString(), "starts_at", Timestamps.rfc3339(a.startsAt()),
                "ends_at", Timestamps.rfc3339(a.endsAt()),
                "duration_minutes", a.durationMinutes(), "name", a.customerName(), "email", a.customerEmail(),
                "user_id", a.customerId(), "deal_id", a.dealId(), "status", a.status(),
                "calendar_uid", calendarUid(a));
    }

    /** The invitation's UID: random per appointment; older rows get one derived from the row and its creation. */
    private String calendarUid(AppointmentView a) {
        String uid = db.sql("select calendar_uid from appointment where id = :id").param("id", a.id())
                .query(String.class).optional().orElse(null);
        return uid != null ? uid : "appointment-" + a.id() + "-" + a.createdAt().toEpochSecond() + "@henk-hub";
    }

    private AppointmentView map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime start = rs.getObject("starts_at", OffsetDateTime.class);
        OffsetDateTime end = rs.getObject("ends_at", OffsetDateTime.class);
        ZonedDateTime local = start.atZoneSameInstant(calendar.zone());
        return new AppointmentView(rs.getLong("id"), rs.getString("user_id"), rs.getString("customer_name"),
                rs.getString("customer_email"), rs.getString("type"), local.toLocalDate(), local.toLocalTime(),
                start, end, Duration.between(start, end).toMinutes(), rs.getString("status"), rs.getString("notes"),
                rs.getObject("deal_id", Long.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    /**
     * A date of the request, within {@code henk.appointments.booking-horizon} of today: java.time reads years up to ±999,999,999, where the
     * day's start and end can no longer be computed, and nobody books a fitting for the year 9999.
     */
    private LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_date", "date must be YYYY-MM-DD");
        }
        LocalDate today = calendar.today();
        Period horizon = calendar.bookingHorizon();
        if (date.isBefore(today.minus(horizon)) || date.isAfter(today.plus(horizon))) {
            throw ApiException.badRequest("date_out_of_range", "date must lie within " + horizon + " of today ("
                    + today.minus(horizon) + " to " + today.plus(horizon) + ")");
        }
        return date;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_time", "time must be HH:MM");
        }
    }

    private static OffsetDateTime utc(ZonedDateTime time) {
        return time.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ApiException notFound() {
        return ApiException.notFound("appointment_not_found", "No appointment with this id");
    }

    public record AppointmentList(List<AppointmentView> appointments, Page page) { }

    public record Availability(LocalDate date, String type, long durationMinutes, List<LocalTime> freeTimes) { }
}
