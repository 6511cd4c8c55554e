package callguide.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the services' many names into one short word each before matching. "Child Maintenance Options"
 * and "Child Maintenance Service" share two words of three, which blurs the one difference that matters;
 * and the options service's current name (configuration) reads as the name the examples use.
 */
final class ServiceNames {
    private final List<Pattern> options = new ArrayList<>();
    private static final Pattern US = Pattern.compile(
            "\\b(the\\s+)?(child\\s+maintenance\\s+(service|group)|maintenance\\s+service|cms|cmg|cmed)\\b", Pattern.CASE_INSENSITIVE);

    ServiceNames(String optionsName) {
        if (optionsName != null && !optionsName.isBlank()) options.add(name(optionsName.strip()));
        options.add(name("Child Maintenance Options"));
        options.add(name("CM Options"));
    }

    String canonical(String text) {
        String s = text;
        for (Pattern p : options) s = p.matcher(s).replaceAll("Options");
        return US.matcher(s).replaceAll("$1CMS");
    }

    private static Pattern name(String name) {
        return Pattern.compile("\\b" + Pattern.quote(name).replace(" ", "\\E\\s+\\Q") + "\\b", Pattern.CASE_INSENSITIVE);
    }
}
