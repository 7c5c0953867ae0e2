package de.henk.hub.analytics;

import de.henk.hub.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The funnel for the sales team, computed with SQL on the hub's own database (same on H2 and PostgreSQL):
 * conversion of anonymous chats into accounts, chat sessions and turns until a lead and until a won deal,
 * response times (HENK vs. a person after a handoff), average deal value, win rate, and weekly series. A period is [from, to) in UTC days.
 */
@Service("analytics")
public class SalesAnalytics {

    private final JdbcClient db;
    private final Clock clock;

    public SalesAnalytics(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Summary summary(String fromText, String toText) {
        LocalDate to = toText == null || toText.isBlank() ? LocalDate.now(clock).plusDays(1) : date("to", toText);
        LocalDate from = fromText == null || fromText.isBlank() ? to.minusDays(90) : date("from", fromText);
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("invalid_parameter", "from must be before to");
        }
        if (ChronoUnit.DAYS.between(from, to) > 731) {
            throw ApiException.badRequest("invalid_parameter", "a period can be at most two years");
        }
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.atStartOfDay().atOffset(ZoneOffset.UTC);
        return new Summary(from, to, conversion(start, end), leadQuality(start, end), responseTimes(start, end),
                deals(start, end), weekly(from, to));
    }

    /** Sessions started anonymously (no owner, or owned by an account created after the session) → registered. */
    Conversion conversion(OffsetDateTime start, OffsetDateTime end) {
        long anonymous = db.sql("""
                select count(*) from chat_session s left join app_user u on u.id = s.user_id
                where s.created_at >= :start and s.created_at < :end
                  and (s.user_id is null or s.created_at < u.created_at)""")
                .param("start", start).param("end", end).query(Long.class).single();
        long registered = db.sql("""
                select count(*) from chat_session s join app_user u on u.id = s.user_id
                where s.created_at >= :start and s.created_at < :end and s.created_at < u.created_at""")
                .param("start", start).param("end", end).query(Long.class).single();
        return new Conversion(anonymous, registered, ratio(registered, anonymous));
    }

    /** Per lead of a signed-in customer: their sessions and turns before the lead, and before the deal was won. */
    LeadQuality leadQuality(OffsetDateTime start, OffsetDateTime end) {
        List<double[]> untilLead = db.sql("""
                select (select count(*) from chat_session s where s.user_id = l.user_id and s.created_at <= l.created_at),
                       (select count(*) from chat_message m join chat_session s on s.id = m.session_id
                         where s.user_id = l.user_id and m.author = 'customer' and m.created_at <= l.created_at)
                from crm_lead l where l.user_id is not null and l.created_at >= :start and l.created_at < :end""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getLong(2)}).list();
        // a deal reopened and won again is one won deal, counted when it was first won
        List<double[]> untilWon = db.sql("""
                select (select count(*) from chat_session s where s.user_id = w.user_id and s.created_at <= w.won_at),
                       (select count(*) from chat_message m join chat_session s on s.id = m.session_id
                         where s.user_id = w.user_id and m.author = 'customer' and m.created_at <= w.won_at)
                from (select d.user_id, min(e.created_at) as won_at
                      from crm_deal d join event_outbox e on e.subject = concat('deal/', cast(d.id as varchar(20)))
                        and e.type = 'henk.deal.won'
                      where d.user_id is not null group by d.id, d.user_id) w
                where w.won_at >= :start and w.won_at < :end""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getLong(2)}).list();
        return new LeadQuality(untilLead.size(), average(untilLead, 0), average(untilLead, 1), untilWon.size(),
                average(untilWon, 0), average(untilWon, 1));
    }

    /** HENK: customer message -> HENK's reply in the same session; people: handoff requested -> first staff reply. */
    ResponseTimes responseTimes(OffsetDateTime start, OffsetDateTime end) {
        List<Long> henkMillis = db.sql("""
                select c.created_at,
                       (select min(h.created_at) from chat_message h
                        where h.session_id = c.session_id and h.author = 'henk' and h.id > c.id)
                from chat_message c where c.author = 'customer' and c.created_at >= :start and c.created_at < :end""")
                .param("start", start).param("end", end)
                .query((rs, n) -> {
                    OffsetDateTime asked = rs.getObject(1, OffsetDateTime.class);
                    OffsetDateTime answered = rs.getObject(2, OffsetDateTime.class);
                    return answered == null ? -1L : java.time.Duration.between(asked, answered).toMillis();
                }).list().stream().filter(ms -> ms >= 0).sorted().toList();
        List<OffsetDateTime[]> handoffs = db.sql("""
                select requested_at, first_reply_at from handoff where requested_at >= :start and requested_at < :end""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class)}).list();
        List<Double> humanMinutes = handoffs.stream().filter(h -> h[1] != null)
                .map(h -> java.time.Duration.between(h[0], h[1]).toSeconds() / 60.0).sorted().toList();
        Double median = humanMinutes.isEmpty() ? null : humanMinutes.size() % 2 == 1
                ? humanMinutes.get(humanMinutes.size() / 2)
                : (humanMinutes.get(humanMinutes.size() / 2 - 1) + humanMinutes.get(humanMinutes.size() / 2)) / 2;
        return new ResponseTimes(henkMillis.size(), percentile(henkMillis, 50), percentile(henkMillis, 95),
                handoffs.size(), humanMinutes.size(), median == null ? null : Math.round(median * 100) / 100.0);
    }

    /** Nearest-rank percentile. */
    private static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    }

    Deals deals(OffsetDateTime start, OffsetDateTime end) {
        record Row(String status, long count, BigDecimal sum) { }
        List<Row> rows = db.sql("""
                select status, count(*), coalesce(sum(deal_value), 0) from crm_deal
                where created_at >= :start and created_at < :end group by status""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3))).list();
        long total = rows.stream().mapToLong(Row::count).sum();
        BigDecimal sum = rows.stream().map(Row::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
        long won = rows.stream().filter(r -> r.status().equals("won")).mapToLong(Row::count).sum();
        long lost = rows.stream().filter(r -> r.status().equals("lost")).mapToLong(Row::count).sum();
        BigDecimal wonValue = rows.stream().filter(r -> r.status().equals("won")).map(Row::sum)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Deals(total, won, lost, total - won - lost,
                total == 0 ? null : sum.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP),
                won == 0 ? null : wonValue.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP),
                ratio(won, won + lost));
    }

    List<Week> weekly(LocalDate from, LocalDate to) {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
             monday.isBefore(to); monday = monday.plusWeeks(1)) {
            OffsetDateTime start = monday.atStartOfDay().atOffset(ZoneOffset.UTC);
            OffsetDateTime end = monday.plusWeeks(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            Deals deals = deals(start, end);
            weeks.add(new Week(monday, conversion(start, end).anonymousSessions(),
                    db.sql("select count(*) from crm_lead where created_at >= :s and created_at < :e")
                            .param("s", start).param("e", end).query(Long.class).single(),
                    deals.won(), deals.lost(), deals.averageValue()));
        }
        return weeks;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static Double average(List<double[]> rows, int column) {
        return rows.isEmpty() ? null : Math.round(rows.stream().mapToDouble(r -> r[column]).average().orElse(0) * 100)
                / 100.0;
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_parameter", name + " must be YYYY-MM-DD");
        }
    }

    public record Summary(LocalDate from, LocalDate to, Conversion conversion, LeadQuality leadQuality,
                          ResponseTimes responseTimes, Deals deals, List<Week> weekly) { }

    public record ResponseTimes(long henkReplies, Long henkP50Ms, Long henkP95Ms, long handoffs,
                                long handoffsAnswered, Double humanFirstReplyMedianMinutes) { }

    public record Conversion(long anonymousSessions, long registeredFromChat, Double rate) { }

    public record LeadQuality(long leads, Double sessionsUntilLead, Double turnsUntilLead, long wonDeals,
                              Double sessionsUntilWon, Double turnsUntilWon) { }

    public record Deals(long total, long won, long lost, long open, BigDecimal averageValue,
                        BigDecimal averageWonValue, Double winRate) { }

    public record Week(LocalDate weekStarting, long anonymousSessions, long leads, long won, long lost,
                       BigDecimal averageValue) { }
}
