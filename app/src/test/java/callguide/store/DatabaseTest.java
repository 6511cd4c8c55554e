package callguide.store;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @Test
    void a_platform_style_database_url_becomes_jdbc_settings() {
        HikariConfig c = new HikariConfig();
        Database.jdbcSettings("postgres://callguide:s%40cret@db.internal:6543/calls?sslmode=require", c);
        assertEquals("jdbc:postgresql://db.internal:6543/calls?sslmode=require", c.getJdbcUrl());
        assertEquals("callguide", c.getUsername());
        assertEquals("s@cret", c.getPassword());
    }

    @Test
    void a_jdbc_url_is_used_as_given_and_anything_else_is_refused() {
        HikariConfig c = new HikariConfig();
        Database.jdbcSettings("jdbc:postgresql://localhost/calls", c);
        assertEquals("jdbc:postgresql://localhost/calls", c.getJdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> Database.jdbcSettings("mysql://localhost/calls", new HikariConfig()));
    }

    @Test
    void a_database_that_cannot_be_reached_is_named_in_one_sentence_without_its_password() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:" + closedPort + "/calls?user=callguide&password=s3cret", null, 2));
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort + "/calls: "), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void a_url_that_cannot_be_read_is_refused_without_repeating_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.jdbcSettings("postgres://callguide:my secret^pw@db.internal/calls", new HikariConfig()));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().contains("percent-encoded"), e.getMessage());
    }
}
