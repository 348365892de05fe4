package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The learned temporal model: per frame, a linear embedding of the frame's features (ReLU), a GRU over
 * the frames (bidirectional in the bundled model: it sees the whole track), and a linear read-out of a
 * correction per point. Input (batch, frames, inputWidth), output (batch, frames, 2 x points).
 * The backward direction is a second one-way GRU over the time-reversed frames: DJL 0.35.1's own
 * bidirectional GRU hands libtorch its parameters in the wrong order (all weights, then all biases).
 */
public final class TemporalNet extends AbstractBlock {
	private static final byte VERSION = 1;
	private final TemporalConfig config;
	private final Linear embed;
	private final GRU forwardGru;
	private final GRU backwardGru;
	private final Linear readOut;

	public TemporalNet(TemporalConfig config) {
		super(VERSION);
		this.config = config;
		embed = addChildBlock("embed", Linear.builder().setUnits(config.embedding()).build());
		forwardGru = addChildBlock("gru", gru(config));
		backwardGru = config.bidirectional() ? addChildBlock("gru_backward", gru(config)) : null;
		readOut = addChildBlock("read_out", Linear.builder().setUnits(config.outputWidth()).build());
	}

	private static GRU gru(TemporalConfig config) {
		return GRU.builder().setStateSize(config.hidden()).setNumLayers(config.layers()).optBatchFirst(true).optReturnState(false).build();
	}

	public TemporalConfig config() {
		return config;
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		NDArray e = Activation.relu(embed.forward(store, new NDList(x), training, params).singletonOrThrow());
		NDArray h = forwardGru.forward(store, new NDList(e), training, params).get(0);
		if (backwardGru != null) {
			NDArray back = backwardGru.forward(store, new NDList(e.flip(1)), training, params).get(0).flip(1);
			h = h.concat(back, 2);
		}
		return readOut.forward(store, new NDList(h), training, params);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape in = inputShapes[0];
		return new Shape[] {new Shape(in.get(0), in.get(1), config.outputWidth())};
	}

	@Override
	protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape in = inputShapes[0];
		embed.initialize(manager, dataType, in);
		Shape e = new Shape(in.get(0), in.get(1), config.embedding());
		forwardGru.initialize(manager, dataType, e);
		if (backwardGru != null) {
			backwardGru.initialize(manager, dataType, e);
		}
		int directions = config.bidirectional() ? 2 : 1;
		readOut.initialize(manager, dataType, new Shape(in.get(0), in.get(1), (long) config.hidden() * directions));
	}
}
