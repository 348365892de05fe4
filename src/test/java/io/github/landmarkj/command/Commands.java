package io.github.landmarkj.command;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import java.util.concurrent.ExecutionException;

/** Runs a command through the CommandService with pre- and postprocessing, as Fiji does. */
final class Commands {
	private Commands() {
	}

	static CommandModule run(Context context, Class<? extends Command> type, Object... inputs) throws Exception {
		try {
			return context.service(CommandService.class).run(type, true, inputs).get();
		} catch (ExecutionException e) {
			throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
		}
	}
}
