package io.github.landmarkj.command;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LandmarkJInfoCommandTest {
	@Test
	void reportsVersionsEngineDeviceNativesAndModels() throws Exception {
		Context context = new Context();
		try {
			CommandModule m = Commands.run(context, LandmarkJInfoCommand.class);
			String info = (String) m.getOutput("info");
			for (String expected : new String[] {"LandmarkJ", "DJL ", "Engine: PyTorch", "Device in use: cpu", "DJL engine cache",
					"PYTORCH_LIBRARY_PATH", "Bundled models:", "face68", "face-detector 2.1.0: ultra-light-rfb face boxes",
					"face-detector-640 1.0.0: ultra-light-rfb face boxes (WIDER FACE (research use)), confirms faces when asked (IoU >= 0.3, score >= 0.764)"}) {
				assertTrue(info.contains(expected), "missing '" + expected + "' in:\n" + info);
			}
		} finally {
			context.dispose();
		}
	}
}
