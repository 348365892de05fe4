package io.github.landmarkj.cli;

import ai.djl.Device;
import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.engine.NativeLibraries;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;

/** {@code --device}: where the networks run. */
final class DeviceOption {
	@Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", converter = PreferenceConverter.class,
			description = "auto: the GPU if DJL sees one, else the CPU; default ${DEFAULT-VALUE}")
	private Devices.Preference preference;

	/** The device for this run, announced on {@code out}. */
	Device choose(PrintWriter out) throws NativeLibraries.MissingNativeLibraryException {
		Device device = Devices.choose(preference);
		out.println("Device: " + Devices.describe(device));
		return device;
	}

	static final class PreferenceConverter implements ITypeConverter<Devices.Preference> {
		@Override
		public Devices.Preference convert(String value) {
			try {
				return Devices.Preference.parse(value);
			} catch (IllegalArgumentException e) {
				throw new TypeConversionException(e.getMessage());
			}
		}
	}
}
