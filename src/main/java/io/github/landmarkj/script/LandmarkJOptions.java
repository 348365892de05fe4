package io.github.landmarkj.script;

import io.github.landmarkj.engine.Devices;
import io.github.landmarkj.imglib2.IntensityRange;

import java.util.Objects;

/**
 * How {@link LandmarkJService} runs: which landmark model, which device, the face detector's score
 * threshold (when no boxes are given) and how grey values become the network's 0..255. Immutable; each
 * {@code with...} returns a changed copy, so that scripts can write
 * {@code lj.options().withModel("/path/to/model").withDevice("cpu")}.
 *
 * @param model a bundled model's name ("face68") or a model folder
 * @param detector null for the bundled face detector
 * @param scoreThreshold in [0, 1): faces the detector scores lower are dropped; 0 for the detector's own
 * @param intensityRange null for the automatic range
 * @param flipAveraging each face also runs mirrored and the heat maps are averaged (about twice the network time)
 * @param confirmFaces a second detector must confirm each found face ({@link #withFacesConfirmed})
 */
public record LandmarkJOptions(String model, Devices.Preference device, String detector, double scoreThreshold, IntensityRange intensityRange,
		boolean flipAveraging, boolean confirmFaces) {
	private static final LandmarkJOptions DEFAULTS = new LandmarkJOptions("face68", Devices.Preference.AUTO, null, 0, null, false, false);

	public LandmarkJOptions {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(device, "device");
		if (!(scoreThreshold >= 0 && scoreThreshold < 1)) {
			throw new IllegalArgumentException("The score threshold must be in [0, 1) (0: the detector's own), got " + scoreThreshold);
		}
	}

	/** Options without flip averaging (the record's form before it had the option). */
	public LandmarkJOptions(String model, Devices.Preference device, String detector, double scoreThreshold, IntensityRange intensityRange) {
		this(model, device, detector, scoreThreshold, intensityRange, false, false);
	}

	/** Options whose faces need no confirmation (the record's form before it had the option). */
	public LandmarkJOptions(String model, Devices.Preference device, String detector, double scoreThreshold, IntensityRange intensityRange,
			boolean flipAveraging) {
		this(model, device, detector, scoreThreshold, intensityRange, flipAveraging, false);
	}

	/** The bundled face68 model and face detector (at its own threshold), GPU if there is one, automatic range. */
	public static LandmarkJOptions defaults() {
		return DEFAULTS;
	}

	/** @param model a bundled model's name ("face68") or a model folder */
	public LandmarkJOptions withModel(String model) {
		return new LandmarkJOptions(requireText(model, "model"), device, detector, scoreThreshold, intensityRange, flipAveraging, confirmFaces);
	}

	/** @param device "auto", "cpu" or "gpu" */
	public LandmarkJOptions withDevice(String device) {
		return new LandmarkJOptions(model, Devices.Preference.parse(requireText(device, "device")), detector, scoreThreshold, intensityRange,
				flipAveraging);
	}

	/** @param detector the bundled face detector's name or a detector folder */
	public LandmarkJOptions withDetector(String detector) {
		return new LandmarkJOptions(model, device, requireText(detector, "detector"), scoreThreshold, intensityRange, flipAveraging, confirmFaces);
	}

	/** @param scoreThreshold in [0, 1): faces the detector scores lower are dropped; 0 for the detector's own */
	public LandmarkJOptions withScoreThreshold(double scoreThreshold) {
		return new LandmarkJOptions(model, device, detector, scoreThreshold, intensityRange, flipAveraging, confirmFaces);
	}

	/** Grey values {@code min} and {@code max} become 0 and 255 (for every pixel type; values outside are clamped). */
	public LandmarkJOptions withIntensityRange(double min, double max) {
		return new LandmarkJOptions(model, device, detector, scoreThreshold, new IntensityRange(min, max), flipAveraging, confirmFaces);
	}

	/** Back to the automatic range (see {@link io.github.landmarkj.imglib2.ImgLib2Adapter}). */
	public LandmarkJOptions withAutomaticIntensityRange() {
		return new LandmarkJOptions(model, device, detector, scoreThreshold, null, flipAveraging, confirmFaces);
	}

	/**
	 * Flip test-time averaging on or off: each face also runs mirrored and the heat maps are averaged
	 * (face68 2.0.0 on the validation faces: NME(io) 3.85% -> 3.77%), at about twice the network's time.
	 */
	public LandmarkJOptions withFlipAveraging(boolean flip) {
		return new LandmarkJOptions(model, device, detector, scoreThreshold, intensityRange, flip, confirmFaces);
	}

	/**
	 * "Confirm faces" on or off: a second detector (the bundled face-detector-640, run on the whole image) must confirm
	 * each face the detector finds: fewer false detections (13 to 2 on the AFW photos, on which its threshold was chosen),
	 * a few small or turned faces lost, about 0.1 s more per image.
	 */
	public LandmarkJOptions withFacesConfirmed(boolean confirm) {
		return new LandmarkJOptions(model, device, detector, scoreThreshold, intensityRange, flipAveraging, confirm);
	}

	/** What a network worker is opened for: everything but the intensity range. */
	NetworkChoice networkChoice() {
		return new NetworkChoice(model, device, detector, scoreThreshold, flipAveraging, confirmFaces);
	}

	private static String requireText(String value, String what) {
		if (value == null || value.trim().isEmpty()) {
			throw new IllegalArgumentException("The " + what + " must not be empty");
		}
		return value.trim();
	}

	@Override
	public String toString() {
		return "model=" + model + ", device=" + device.name().toLowerCase(java.util.Locale.ROOT) + ", detector=" + (detector == null ? "bundled" : detector)
				+ ", score_threshold=" + scoreThreshold + ", intensity_range=" + (intensityRange == null ? "automatic" : intensityRange)
				+ ", flip_averaging=" + flipAveraging + ", confirm_faces=" + confirmFaces;
	}

	/** The networks a worker holds; equal choices share workers. */
	record NetworkChoice(String model, Devices.Preference device, String detector, double scoreThreshold, boolean flipAveraging,
			boolean confirmFaces) {
	}
}
