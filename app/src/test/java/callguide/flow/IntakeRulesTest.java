package callguide.flow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakeRulesTest {
    private final Vocabulary vocabulary = Vocabulary.INTAKE;

    @Test
    void every_id_the_rules_name_is_the_vocabularys() throws IllegalAccessException {
        int named = 0;
        for (Field f : IntakeRules.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getName().equals("FLOW")) continue;
            Object value = f.get(null);
            for (Object id : Collection.class.isInstance(value) ? (Collection<?>) value : java.util.List.of(value)) {
                assertTrue(known((String) id), f.getName() + " names '" + id + "', which the vocabulary does not have");
                named++;
            }
        }
        assertTrue(named > 15);
    }

    private boolean known(String id) {
        return vocabulary.isFact(id) || vocabulary.outcomeCodes().contains(id) || vocabulary.flags().contains(id)
                || vocabulary.choiceFacts().values().stream().anyMatch(options -> options.contains(id));
    }

    @Test
    void only_a_yes_to_staff_conduct_makes_a_call_confidential() {
        assertTrue(IntakeRules.confidential(Map.of("staff_conduct", "yes", "caller", "client")));
        assertFalse(IntakeRules.confidential(Map.of("staff_conduct", "no")));
        assertFalse(IntakeRules.confidential("caller", "yes"));
    }

    @Test
    void an_mp_on_the_phone_is_transferred_but_a_written_one_is_not() {
        var phone = Map.of("caller", "mp_mla", "contact_route", "mp_hotline");
        assertTrue(IntakeRules.warmTransferable("WARM_TRANSFER_RESOLUTION_TEAM", phone));
        assertTrue(IntakeRules.warmTransferable("STAFF_CONDUCT_CONFIDENTIAL", phone));
        assertFalse(IntakeRules.warmTransferable("WARM_TRANSFER_RESOLUTION_TEAM", Map.of("caller", "mp_mla", "contact_route", "written")));
        assertFalse(IntakeRules.warmTransferable("RAISE_COMPLAINT", phone));
        assertFalse(IntakeRules.warmTransferable(null, phone));
    }

    @Test
    void a_staff_conduct_complaint_is_a_resolution_team_case_only_from_an_mp() {
        assertTrue(IntakeRules.opensResolutionCase("STAFF_CONDUCT_CONFIDENTIAL", Map.of("caller", "mp_mla")));
        assertFalse(IntakeRules.opensResolutionCase("STAFF_CONDUCT_CONFIDENTIAL", Map.of("caller", "client")));
        assertTrue(IntakeRules.opensResolutionCase("REFER_RESOLUTION_TEAM", Map.of("caller", "client")));
        assertFalse(IntakeRules.opensResolutionCase("SIGNPOST_CM_OPTIONS", Map.of("caller", "mp_mla")));
    }
}
