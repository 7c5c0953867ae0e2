package de.henk.hub.appointments;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.web.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One customer cannot hoard the atelier's calendar (OWASP API6): at most
 * {@code henk.appointments.limits.max-per-type-per-day} appointments of one type on one day, and
 * {@code .max-upcoming-per-customer} upcoming ones in all — beyond that 409 {@code appointment_limit}. The sales
 * team booking for a customer is not limited. Runs inside the booking's transaction, the customer's row locked so
 * two bookings at once cannot both slip under the limit.
 */
@Component
public class AppointmentLimits {

    private final JdbcClient db;
    private final HenkProperties.Appointments.Limits limits;
    private final ZoneId zone;

    public AppointmentLimits(JdbcClient db, HenkProperties properties) {
        this.db = db;
        this.limits = properties.appointments().limits();
        this.zone = properties.appointments().zone();
    }

    public void admit(String customerId, AppointmentType type, LocalDate day, OffsetDateTime now) {
        db.sql("select id from app_user where id = :id for update").param("id", customerId).query(String.class).list();
        long upcoming = db.sql("""
                select count(*) from appointment where user_id = :user and status = 'booked' and starts_at > :now""")
                .param("user", customerId).param("now", now.withOffsetSameInstant(ZoneOffset.UTC))
                .query(Long.class).single();
        if (upcoming >= limits.maxUpcomingPerCustomer()) {
            throw ApiException.conflict("appointment_limit", "You already have " + upcoming
                    + " upcoming appointments; cancel one or ask the atelier to book another for you");
        }
        long sameDay = db.sql("""
                select count(*) from appointment where user_id = :user and status = 'booked' and type = :type
                  and starts_at >= :from and starts_at < :to""")
                .param("user", customerId).param("type", type.id())
                .param("from", day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .param("to", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .query(Long.class).single();
        if (sameDay >= limits.maxPerTypePerDay()) {
            throw ApiException.conflict("appointment_limit", "You already have a " + type.id() + " appointment on "
                    + day + "; one is enough");
        }
    }
}
