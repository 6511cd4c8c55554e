package callguide.resolution;

import java.time.LocalDate;

/** A letter a move issued, and when. */
public record IssuedLetter(String code, LocalDate on, String move) {}
