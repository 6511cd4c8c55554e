package callguide;

import callguide.account.AccountDao;
import callguide.account.Accounts;
import callguide.account.Role;
import callguide.config.Config;
import callguide.store.Database;
import callguide.support.TestApp;
import callguide.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loopback demo is the only place with published passwords or the development webhook token. */
class SafeByDefaultTest {

    @Test
    void the_loopback_demo_listens_on_loopback_with_the_demo_accounts_and_a_private_database_password(@TempDir Path data) throws Exception {
        try (TestApp demo = TestApp.start(Map.of("DATA_DIR", data.toString()))) {
            assertEquals(201, demo.anonymous().post("/api/sessions", "{\"username\":\"supervisor\",\"password\":\"supervisor-demo\"}").status());
            assertEquals(201, demo.anonymous().post("/api/sessions", "{\"username\":\"handler\",\"password\":\"handler-demo-1\"}").status());
        }
        Path password = data.resolve("postgres.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        String hba = Files.readString(data.resolve("postgres").resolve("pg_hba.conf"));
        assertFalse(hba.contains("trust"), hba);
        assertTrue(hba.contains("scram-sha-256"), hba);

        // Reachable from elsewhere now, and a demo account still has its published password: the service will not start.
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TestApp.start(Map.of("DATA_DIR", data.toString(), "HOST", "0.0.0.0")));
        assertTrue(refused.getMessage().contains("published demo password"), refused.getMessage());
    }

    @Test
    void off_loopback_no_demo_account_is_made_and_none_may_be_added(@TempDir Path data) throws Exception {
        String url = TestDatabase.freshUrl();
        try (TestApp shared = TestApp.start(Map.of("DATABASE_URL", url))) {
            assertEquals(401, shared.anonymous().post("/api/sessions", "{\"username\":\"supervisor\",\"password\":\"supervisor-demo\"}").status());
        }
        try (Database db = Database.open(url, null, 2)) {
            Accounts accounts = new Accounts(new AccountDao(db.jdbi()), Clock.systemUTC(), Duration.ofMinutes(20), Duration.ofHours(12));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> accounts.createPrivate("mallory", Role.supervisor, "supervisor-demo"));
            assertTrue(e.getMessage().contains("published demo password"));
            accounts.create("handler", Role.handler, "handler-demo-1");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TestApp.start(Map.of("DATABASE_URL", url)));
        assertTrue(refused.getMessage().contains("handler"), refused.getMessage());
    }

    /** What is read to clients never holds a mailbox or a Complaints Resolution Team number, whatever is configured. */
    @Test
    void a_client_contact_holding_internal_text_stops_the_start() {
        Config.from(Map.of("PORT", "0")).requireClientSafeContacts();
        IllegalStateException mailbox = assertThrows(IllegalStateException.class, () -> Config.from(Map.of("PORT", "0",
                "OPTIONS_POSTAL_ADDRESS", "OPTIONS.SERVICEDESIGNOEDCMGDWP@DWP.GSI.GOV.UK")).requireClientSafeContacts());
        assertTrue(mailbox.getMessage().contains("OPTIONS_POSTAL_ADDRESS"), mailbox.getMessage());
        IllegalStateException team = assertThrows(IllegalStateException.class, () -> Config.from(Map.of("PORT", "0",
                "RESOLUTION_TEAM_GB_NUMBER", "+441610000001", "ICE_PHONE", "+44 161 000 0001")).requireClientSafeContacts());
        assertTrue(team.getMessage().contains("ICE_PHONE"), team.getMessage());
        IllegalStateException start = assertThrows(IllegalStateException.class, () -> TestApp.start(Map.of("PORT", "0",
                "OPTIONS_POSTAL_ADDRESS", "someone@example.invalid")));
        assertTrue(start.getMessage().contains("OPTIONS_POSTAL_ADDRESS"), "the service itself refuses to start: " + start.getMessage());
    }

    @Test
    void webhooks_need_a_secret_of_their_own_off_the_loopback_demo_or_with_twilio_configured() {
        Config shared = Config.from(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none", "PORT", "0"));
        IllegalStateException e = assertThrows(IllegalStateException.class, shared::requireSecrets);
        assertTrue(e.getMessage().contains("TWILIO_AUTH_TOKEN"));
        Config twilio = Config.from(Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "PORT", "0"));
        assertThrows(IllegalStateException.class, twilio::requireSecrets);
        Config anyInterface = Config.from(Map.of("HOST", "0.0.0.0", "PORT", "0"));
        assertThrows(IllegalStateException.class, anyInterface::requireSecrets);
        Config demo = Config.from(Map.of("PORT", "0"));
        assertTrue(demo.loopbackDemo());
        demo.requireSecrets();
        assertEquals("127.0.0.1", demo.host());
    }
}
