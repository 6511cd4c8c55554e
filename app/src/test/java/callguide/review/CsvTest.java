package callguide.review;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {
    @Test
    void cells_that_a_spreadsheet_would_run_as_formulas_are_defused_and_quoted() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"'+1\"", Csv.cell("+1"));
        assertEquals("\"'@SUM(A1)\"", Csv.cell("@SUM(A1)"));
        assertEquals("\"'-2\"", Csv.cell("-2"));
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_plain_text_is_left_alone() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"one\ntwo\"", Csv.cell("one\ntwo"));
        assertEquals("RAISE_COMPLAINT", Csv.cell("RAISE_COMPLAINT"));
        assertEquals("", Csv.cell(null));
    }
}
