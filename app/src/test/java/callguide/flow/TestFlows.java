package callguide.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped intake flow and the default contacts, as the tests use them. */
public final class TestFlows {
    public static final Terms.Contacts CONTACTS = new Terms.Contacts("Child Maintenance Options", "0800 988 0988",
            "0800 988 9 888", "options.internal@example.gov.uk", "ice.internal@example.gov.uk");

    private TestFlows() {}

    public static String resource(String path) {
        try (InputStream in = TestFlows.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Flow intake() {
        return new FlowLoader(Vocabulary.INTAKE).load("intake.yaml", resource("/flows/intake.yaml"));
    }
}
