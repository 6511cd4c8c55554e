package callguide;

import callguide.config.Config;
import callguide.flow.InvalidFlow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppTest {

    static Path brokenFlows(Path dir) throws Exception {
        String flow = Files.readString(Path.of("../flows/intake.yaml")).replace("goto: refer_sla_team", "goto: refer_sla_teem");
        Files.writeString(dir.resolve("intake.yaml"), flow);
        return dir;
    }

    @Test
    void validate_prints_each_problem_with_file_and_node_and_fails(@TempDir Path dir) throws Exception {
        Config config = Config.from(Map.of("FLOWS_DIR", brokenFlows(dir).toString()));
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        int status;
        try {
            status = App.validate(config);
        } finally {
            System.setOut(out);
        }
        assertEquals(1, status);
        assertTrue(printed.toString().contains("invalid: intake.yaml [sla_process]: next names no node: refer_sla_teem"), printed.toString());
    }

    @Test
    void validate_passes_the_shipped_flows() {
        assertEquals(0, App.validate(Config.from(Map.of("FLOWS_DIR", "../flows"))));
    }

    @Test
    void the_service_refuses_to_start_on_an_invalid_flow(@TempDir Path dir) throws Exception {
        Config config = Config.from(Map.of("FLOWS_DIR", brokenFlows(dir).toString(), "PORT", "0",
                "DATA_DIR", dir.resolve("data").toString()));
        InvalidFlow refused = assertThrows(InvalidFlow.class, () -> App.start(config, Clock.systemUTC()));
        assertTrue(refused.getMessage().contains("refer_sla_teem"));
        assertTrue(Files.notExists(dir.resolve("data")), "no database was started");
    }

    @Test
    void a_setting_that_is_not_a_number_is_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("PORT", "seventy")));
        assertTrue(e.getMessage().contains("PORT"));
    }
}
