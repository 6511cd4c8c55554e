package callguide;

import callguide.config.Config;
import callguide.flow.Terms;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigTest {
    @Test
    void the_contact_details_given_to_clients_come_from_the_environment_with_the_leaflets_as_defaults() {
        Terms.Contacts defaults = Config.from(Map.of()).contacts();
        assertEquals("Selectapost 38, Sheffield S97 3FJ", defaults.optionsAddress());
        assertEquals("www.cmoptions.org", defaults.optionsWebsite());
        assertEquals("0845 606 0777", defaults.icePhone());

        Terms.Contacts set = Config.from(Map.of("OPTIONS_POSTAL_ADDRESS", "PO Box 1, Leeds", "OPTIONS_WEBSITE", "www.example.org",
                "OPTIONS_OPENING_HOURS", "9am to 5pm", "ICE_POSTAL_ADDRESS", "ICE, PO Box 2", "ICE_PHONE", "0300 000 0000",
                "ICE_TEXTPHONE", "0300 000 0001", "ICE_WEBSITE", "www.ice.example", "ICE_OPENING_HOURS", "10am to 4pm")).contacts();
        assertEquals(new Terms.Contacts(defaults.options(), defaults.optionsPhone(), defaults.optionsTextphone(), defaults.optionsMailbox(),
                defaults.iceTeamMailbox(), "PO Box 1, Leeds", "www.example.org", "9am to 5pm", "ICE, PO Box 2", "0300 000 0000",
                "0300 000 0001", "www.ice.example", "10am to 4pm"), set);
    }
}
