package callguide.assist;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/** Unit-length embeddings as plain arrays, so similarity is a dot product. */
final class Vectors {
    private Vectors() {}

    static float[][] embed(EmbeddingModel model, List<String> texts) {
        if (texts.isEmpty()) return new float[0][];
        if (texts.size() == 1) return new float[][] {unit(model.embed(texts.get(0)).content())};
        List<Embedding> out = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[out.size()][];
        for (int i = 0; i < vectors.length; i++) vectors[i] = unit(out.get(i));
        return vectors;
    }

    static float[] unit(Embedding e) {
        float[] v = e.vector().clone();
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return v;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
