package io.github.landmarkj.batch;

import ai.djl.Device;
import io.github.landmarkj.detect.DetectorSettings;
import io.github.landmarkj.engine.TestTimeAugmentation;

import java.nio.file.Path;
import java.util.Objects;

/** What a folder batch reads, writes and how. */
public final class BatchOptions {
	public final Path input;
	public final String pattern;
	public final boolean recursive;
	public final Path output;
	public final boolean overwrite;
	public final boolean annotatedPng;
	public final int threads;
	public final String model;
	public final Device device;
	public final Path boxes;
	/** How faces are found in images without a box; null: such an image is analysed whole, as one face crop. */
	public final DetectorSettings detection;
	/** {@link TestTimeAugmentation#FLIP}: every landmark pass also runs the mirrored crops (about twice the network time). */
	public final TestTimeAugmentation augmentation;

	/**
	 * @param pattern a glob on file names, e.g. {@code *.jpg} or {@code *.{png,jpg,tif}}
	 * @param boxes a box CSV ({@code image,x,y,width,height}) or null
	 * @param detection how faces are found in images without boxes; null to analyse such images whole
	 */
	public BatchOptions(Path input, String pattern, boolean recursive, Path output, boolean overwrite, boolean annotatedPng,
			int threads, String model, Device device, Path boxes, DetectorSettings detection) {
		this(input, pattern, recursive, output, overwrite, annotatedPng, threads, model, device, boxes, detection, TestTimeAugmentation.NONE);
	}

	/** @param augmentation {@link TestTimeAugmentation#FLIP} to average each face's heat maps with its mirror image's */
	public BatchOptions(Path input, String pattern, boolean recursive, Path output, boolean overwrite, boolean annotatedPng,
			int threads, String model, Device device, Path boxes, DetectorSettings detection, TestTimeAugmentation augmentation) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1");
		}
		this.input = input;
		this.pattern = pattern == null || pattern.trim().isEmpty() ? "*" : pattern.trim();
		this.recursive = recursive;
		this.output = output;
		this.overwrite = overwrite;
		this.annotatedPng = annotatedPng;
		this.threads = threads;
		this.model = model;
		this.device = device;
		this.boxes = boxes;
		this.detection = detection;
		this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
	}
}
