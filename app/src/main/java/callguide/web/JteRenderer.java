package callguide.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/** Javalin's renderer over jte templates compiled at build time (app/src/main/jte), so the jar needs no template folder. */
public final class JteRenderer implements FileRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public String render(String file, Map<String, ?> model, Context ctx) {
        StringOutput out = new StringOutput();
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) model;
        engine.render(file, params, out);
        return out.toString();
    }
}
