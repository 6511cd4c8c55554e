package callguide.assist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example utterances labelled with the answer they imply, per question: {@code question -> option -> texts}.
 * Read from {@code prompts/examples/<question>.yaml} on the classpath, or from one evaluation file.
 */
public record LabelledExamples(Map<String, Map<String, List<String>>> byQuestion) {
    /** The questions whose answer can be heard in what a caller says. */
    public static final List<String> QUESTIONS = List.of("caller", "staff_conduct", "about_cm_options",
            "challenges_decision", "existing_complaint", "mp_purpose", "sla_process", "deo_payment",
            "effective_date_challenge");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, List<String>>> BY_OPTION = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, List<String>>>> BY_QUESTION = new TypeReference<>() {};

    /** The bundled examples, checked against the options each question has. */
    public static LabelledExamples bundled(Map<String, List<String>> optionsByQuestion) {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            String resource = "/prompts/examples/" + question + ".yaml";
            try (InputStream in = LabelledExamples.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing " + resource);
                all.put(question, YAML.readValue(in, BY_OPTION));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new LabelledExamples(all).checked(optionsByQuestion);
    }

    /** A file of the same shape for every question at once (the evaluation set). */
    public static LabelledExamples read(InputStream in, Map<String, List<String>> optionsByQuestion) throws IOException {
        return new LabelledExamples(YAML.readValue(in, BY_QUESTION)).checked(optionsByQuestion);
    }

    private LabelledExamples checked(Map<String, List<String>> optionsByQuestion) {
        byQuestion.forEach((question, byOption) -> {
            List<String> options = optionsByQuestion.get(question);
            if (options == null) throw new IllegalStateException("examples name an unknown question '" + question + "'");
            byOption.keySet().forEach(o -> {
                if (!options.contains(o)) throw new IllegalStateException("examples for " + question + " name an unknown option '" + o + "'");
            });
        });
        return this;
    }

    public int size() {
        return byQuestion.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }
}
