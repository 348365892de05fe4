package io.github.landmarkj.command;

import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets ImageJ 1.x's own macro interpreter run LandmarkJ's SciJava commands in a test, the way Fiji's
 * imagej-legacy does: {@code run("Detect Landmarks", "key=value ...")} finds the command by its menu
 * label, each input takes {@code Macro.getValue(options, name)} converted by the ConvertService (as
 * imagej-legacy's MacroPreprocessor does), and an ImagePlus input takes the current image (as its
 * ActiveImagePlusPreprocessor does). Plain ImageJ 1.x in a headless JVM has no menus, so the commands
 * are entered into its command table directly.
 */
public final class MacroBridge implements PlugIn {
	// ImageJ 1.x instantiates plugins by class name, so the running test's state has to be static.
	private static volatile Context context;
	private static final List<String> failures = new ArrayList<>();
	private static final List<CommandModule> runs = new ArrayList<>();
	private static Object previousTable;

	/** Registers every Plugins>LandmarkJ command under its menu label. */
	static synchronized void install(Context c) throws ReflectiveOperationException {
		context = c;
		failures.clear();
		runs.clear();
		Hashtable<String, String> table = new Hashtable<>();
		for (CommandInfo info : c.service(CommandService.class).getCommands()) {
			if (info.getMenuPath() != null && info.getMenuPath().getMenuString().startsWith("Plugins > LandmarkJ")) {
				String label = info.getMenuPath().getLeaf().getName();
				table.put(label, MacroBridge.class.getName() + "(\"" + label + "\")");
			}
		}
		Field f = Menus.class.getDeclaredField("pluginsTable");
		f.setAccessible(true);
		previousTable = f.get(null);
		f.set(null, table);
	}

	static synchronized void uninstall() throws ReflectiveOperationException {
		Field f = Menus.class.getDeclaredField("pluginsTable");
		f.setAccessible(true);
		f.set(null, previousTable);
		context = null;
	}

	static synchronized List<String> failures() {
		return new ArrayList<>(failures);
	}

	static synchronized List<CommandModule> runs() {
		return new ArrayList<>(runs);
	}

	@Override
	public void run(String label) {
		String options = Macro.getOptions();
		try {
			CommandService commands = context.service(CommandService.class);
			ConvertService convert = context.service(ConvertService.class);
			CommandInfo info = commands.getCommands().stream()
					.filter(i -> i.getMenuPath() != null && i.getMenuPath().getLeaf() != null && label.equals(i.getMenuPath().getLeaf().getName()))
					.findFirst().orElseThrow(() -> new IllegalStateException("no command " + label));
			Map<String, Object> inputs = new LinkedHashMap<>();
			for (ModuleItem<?> item : info.inputs()) {
				if (Service.class.isAssignableFrom(item.getType()) || Context.class.isAssignableFrom(item.getType())) {
					continue; // injected by the context, whatever the macro says
				}
				if (ImagePlus.class.equals(item.getType())) {
					inputs.put(item.getName(), WindowManager.getCurrentImage());
					continue;
				}
				// Exactly what MacroPreprocessor does, a missing key included.
				String value = options == null ? null : Macro.getValue(options, item.getName(), null);
				if (convert.supports(value, item.getType())) {
					inputs.put(item.getName(), convert.convert(value, item.getType()));
				}
			}
			CommandModule m = commands.run(info, true, inputs).get();
			synchronized (MacroBridge.class) {
				runs.add(m);
				if (m.isCanceled()) {
					failures.add(label + ": " + m.getCancelReason());
				}
			}
		} catch (Exception e) {
			synchronized (MacroBridge.class) {
				failures.add(label + ": " + e);
			}
		}
	}
}
