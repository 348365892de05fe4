package io.github.landmarkj.engine;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;

import java.util.ArrayList;
import java.util.List;

/**
 * One way to run any network (landmarks, face detector, temporal model): DJL's split into the
 * {@link Translator}'s input side (tensors from prepared inputs), the forward call of the model's block,
 * and the translator's output side (plain Java values from tensors), over a batch at once through
 * {@link Predictor#batchPredict}. What comes before (crop, normalise) and after (decode, back to image
 * pixels) lives in plain classes beside it. Not thread-safe, like DJL's predictors: one per thread.
 *
 * @param <I> one prepared input (e.g. a normalised crop)
 * @param <O> one raw output (e.g. the heat maps of that crop)
 */
public final class Network<I, O> {
	private final Model model;
	private final Translator<I, O> translator;

	public Network(Model model, Translator<I, O> translator) {
		this.model = model;
		this.translator = translator;
	}

	/** Outputs in the order of the inputs, computed as one batch. */
	public List<O> run(List<I> inputs) {
		if (inputs.isEmpty()) {
			return new ArrayList<>();
		}
		// A predictor is cheap and reads the block as it is now (e.g. after batch norms were folded).
		try (Predictor<I, O> predictor = model.newPredictor(translator)) {
			return predictor.batchPredict(inputs);
		} catch (TranslateException e) {
			throw new IllegalStateException("The network " + model.getName() + " failed on a batch of " + inputs.size() + ": "
					+ e.getMessage(), e);
		}
	}
}
