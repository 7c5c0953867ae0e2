package de.henk.hub.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the "nothing half-stored" assertions of the bad-input tests compare: the number of rows in the tables a
 * refused request could have written to, and a valid lead body to spoil one field of.
 */
public final class StoredRows {

    private StoredRows() {
    }

    /** All rows of these tables together. */
    public static int total(JdbcClient db, List<String> tables) {
        int sum = 0;
        for (String table : tables) {
            sum += db.sql("select count(*) from " + table).query(Integer.class).single();
        }
        return sum;
    }

    /** A lead {@code POST /api/crm/lead} accepts, as a mutable map so that a test can spoil one field. */
    public static Map<String, Object> validLead(String email) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", "Max Mustermann");
        lead.put("email", email);
        lead.put("deal_title", "Hochzeits-Anzug");
        lead.put("deal_value", 2500);
        return lead;
    }
}
