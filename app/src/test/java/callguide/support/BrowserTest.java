package callguide.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that drives Chromium ({@link Browser}): tagged {@code browser}, so {@code -Dgroups=browser} runs these
 * alone and {@code -DexcludedGroups=browser} runs everything else without a browser.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
public @interface BrowserTest {}
