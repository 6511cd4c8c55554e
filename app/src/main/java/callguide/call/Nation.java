package callguide.call;

import callguide.flow.IntakeRules;
import java.util.Arrays;
import java.util.stream.Collectors;

/** UK jurisdictions with distinct bank holidays; ids match the GOV.UK bank-holidays.json division keys. */
public enum Nation {
    ENGLAND_AND_WALES("england-and-wales", "England and Wales"),
    SCOTLAND("scotland", "Scotland"),
    NORTHERN_IRELAND("northern-ireland", "Northern Ireland");

    private final String id;
    private final String title;

    Nation(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** The nation's name as people write it. */
    public String title() {
        return title;
    }

    public static Nation fromId(String id) {
        for (Nation nation : values()) {
            if (nation.id.equals(id)) {
                return nation;
            }
        }
        throw new IllegalArgumentException("Unknown nation '" + id + "'; expected one of: " + validIds());
    }

    /** The nation whose bank holidays apply: Northern Ireland for an NI case, else the call's own GB nation. */
    public static Nation forRegion(String region, Nation given, Nation gbDefault) {
        if (IntakeRules.NI.equals(region)) return NORTHERN_IRELAND;
        if (IntakeRules.GB.equals(region) && given == NORTHERN_IRELAND) return gbDefault == NORTHERN_IRELAND ? ENGLAND_AND_WALES : gbDefault;
        return given;
    }

    static String validIds() {
        return Arrays.stream(values()).map(Nation::id).collect(Collectors.joining(", "));
    }
}
