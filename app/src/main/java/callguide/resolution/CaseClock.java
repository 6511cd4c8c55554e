package callguide.resolution;

import java.time.LocalDate;

/** A clock on a case: the date it is due (calendar days, Europe/London) and the date it was stopped, if it was. */
public record CaseClock(String name, LocalDate due, LocalDate stoppedAt) {
    public boolean running() {
        return stoppedAt == null;
    }

    public boolean overdueOn(LocalDate today) {
        return running() && due.isBefore(today);
    }

    /** Met when stopped on or before its due date. */
    public boolean met() {
        return stoppedAt != null && !stoppedAt.isAfter(due);
    }
}
