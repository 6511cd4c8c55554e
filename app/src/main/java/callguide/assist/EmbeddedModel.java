package callguide.assist;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** The in-process embedding model: shipped inside the jar from Maven Central, never downloaded. */
public final class EmbeddedModel {
    private EmbeddedModel() {}

    public static EmbeddingModel load() {
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
