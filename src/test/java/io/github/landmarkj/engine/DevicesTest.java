package io.github.landmarkj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** The device choice, checked for machines with and without GPUs, on a machine without one. */
class DevicesTest {
	@Test
	void autoTakesTheFirstGpuWhenThereIsOne() {
		assertEquals(Device.gpu(0), Devices.choose(Devices.Preference.AUTO, 2));
		assertEquals(Device.cpu(), Devices.choose(Devices.Preference.AUTO, 0));
	}

	@Test
	void cpuCanBeForcedEvenWithAGpu() {
		assertEquals(Device.cpu(), Devices.choose(Devices.Preference.CPU, 1));
	}

	@Test
	void askingForAMissingGpuSaysWhatToDo() {
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> Devices.choose(Devices.Preference.GPU, 0));
		assertTrue(e.getMessage().contains("device=auto or cpu"));
		assertEquals(Device.gpu(0), Devices.choose(Devices.Preference.GPU, 1));
	}

	@Test
	void preferencesParseCaseInsensitivelyAndRejectTypos() {
		assertEquals(Devices.Preference.CPU, Devices.Preference.parse(" CPU "));
		assertEquals(Devices.Preference.AUTO, Devices.Preference.parse("auto"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.Preference.parse("cuda"));
		assertTrue(e.getMessage().contains("auto, cpu or gpu"));
	}

	@Test
	void thisMachineReportsTheDeviceItUses() throws Exception {
		Device d = Devices.choose(Devices.Preference.AUTO);
		String line = Devices.describe(d);
		assertTrue(line.startsWith(d.toString()), line);
		assertTrue(line.contains("PyTorch"), line);
	}
}
