package callguide.casework;

import callguide.resolution.CaseClock;
import callguide.resolution.CaseKind;
import callguide.resolution.ProcessFlow;
import callguide.resolution.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Sorts the cases still to work (open, or closed with step 46 to do) into the queue's sections by the date each is worked to. */
public final class Queue {
    /**
     * {@code immediately}: an MP's letter no one has taken yet, above everything else in the team's queue (002 intro).
     * {@code after_closure}: closed, with step 46's Lock Assignment Flag still to remove.
     */
    public enum Section { immediately, overdue, due_today, waiting_on_client, waiting_on_bau, in_progress, after_closure }

    /** One case in a queue: where it is, the date worked to and which clock sets it. */
    public record Item(CaseRecord record, String stageTitle, Section section, LocalDate workTo, String clock) {}

    private Queue() {}

    /** The running clock the queue works to: a timetable agreed with the client replaces the 15 days, never the waits. */
    public static Optional<CaseClock> workingClock(CaseRecord c) {
        List<CaseClock> running = c.state().clocks().stream().filter(CaseClock::running).toList();
        boolean timetable = running.stream().anyMatch(k -> k.name().equals("timetable"));
        return running.stream().filter(k -> !(timetable && k.name().equals("resolve"))).min(Comparator.comparing(CaseClock::due));
    }

    /** Open, or closed with a move still to make (the post-closure steps, 002 step 46). */
    static boolean toWork(CaseRecord c, ProcessFlow flow) {
        Stage s = flow.stage(c.state().stage());
        return s != null && (!s.closes() || !s.moves().isEmpty());
    }

    public static Item item(CaseRecord c, ProcessFlow flow, LocalDate today) {
        Stage s = flow.stage(c.state().stage());
        Optional<CaseClock> k = workingClock(c);
        LocalDate due = k.map(CaseClock::due).orElse(null);
        Section section;
        if (s.closes()) section = Section.after_closure;
        else if (c.immediate() && c.caseworker() == null) section = Section.immediately;
        else if (due != null && due.isBefore(today)) section = Section.overdue;
        else if (due != null && due.equals(today)) section = Section.due_today;
        else if ("client".equals(s.waiting())) section = Section.waiting_on_client;
        else if ("bau".equals(s.waiting())) section = Section.waiting_on_bau;
        else section = Section.in_progress;
        return new Item(c, s.title(), section, due, k.map(CaseClock::name).orElse(null));
    }

    /** Cases still to work in order: an MP's letter "immediately" first, then by the date worked to; each in its team's terms. */
    public static List<Item> of(List<CaseRecord> cases, Function<String, ProcessFlow> flowOfTeam, LocalDate today) {
        List<Item> out = new ArrayList<>();
        for (CaseRecord c : cases) {
            ProcessFlow flow = flowOfTeam.apply(c.team());
            if (c.state().kind() == CaseKind.placeholder || !toWork(c, flow)) continue;
            out.add(item(c, flow, today));
        }
        out.sort(Comparator.comparing((Item i) -> !i.record().immediate())
                .thenComparing(i -> i.workTo() == null ? LocalDate.MAX : i.workTo()));
        return out;
    }
}
