package callguide.casework;

import java.time.LocalDate;

/** A case opened by hand. {@code fromBau}: an MP's letter BAU passed on, worked "immediately" (002 intro). */
public record ManualCase(String team, LocalDate receivedOn, String referredBy, boolean parliamentary,
                         boolean consolatoryOnly, boolean iceNotice, boolean fromBau,
                         boolean nonCaseSpecificQuery, boolean staffConduct) {}
