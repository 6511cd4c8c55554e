package callguide.store;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
