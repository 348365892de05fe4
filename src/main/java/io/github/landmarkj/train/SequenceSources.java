package io.github.landmarkj.train;

import io.github.landmarkj.eval.ValidationSplit;
import io.github.landmarkj.io.AnnotatedFace;
import io.github.landmarkj.io.AnnotatedFolderReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The annotated faces that synthetic sequences are made from, split by the project's fixed validation
 * split, so that held-out sequences are made only from validation faces. Images are decoded one sequence
 * at a time, not kept in memory.
 */
public record SequenceSources(List<AnnotatedFace> training, List<AnnotatedFace> validation) {
	public SequenceSources {
		training = Collections.unmodifiableList(training);
		validation = Collections.unmodifiableList(validation);
	}

	public static SequenceSources read(List<Path> folders, ValidationSplit split, int expectedPoints) throws IOException {
		List<AnnotatedFace> faces = new ArrayList<>();
		for (Path folder : folders) {
			for (AnnotatedFace f : AnnotatedFolderReader.read(folder).faces()) {
				if (f.size() == expectedPoints) {
					faces.add(f);
				}
			}
		}
		List<List<AnnotatedFace>> parts = split.split(faces);
		return new SequenceSources(parts.get(0), parts.get(1));
	}
}
