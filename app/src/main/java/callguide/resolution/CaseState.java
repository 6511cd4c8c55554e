package callguide.resolution;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A case as its events leave it. {@code version} counts its events; facts are what its moves recorded. */
public record CaseState(CaseKind kind, String stage, int version, LocalDate receivedOn, Map<String, String> facts,
                        List<CaseClock> clocks, String resolutionCode, List<IssuedLetter> letters, boolean noticeRaised) {

    public Optional<CaseClock> clock(String name) {
        return clocks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean fact(String name) {
        return "yes".equals(facts.get(name));
    }
}
