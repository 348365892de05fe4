package io.github.landmarkj.script;

import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/**
 * Groovy for the tests' SciJava context: Groovy's own JSR-223 engine (Maven Central) as a SciJava script
 * language, which is what Fiji's scripting-groovy plugin provides to Fiji users (it is not on Maven Central,
 * and scijava-common no longer picks JSR-223 engines up by itself).
 */
@Plugin(type = ScriptLanguage.class, name = "Groovy")
public class GroovyLanguage extends AdaptedScriptLanguage {
	public GroovyLanguage() {
		super("groovy");
	}
}
