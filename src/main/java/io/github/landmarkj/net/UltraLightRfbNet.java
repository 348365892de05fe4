package io.github.landmarkj.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published face detector "Ultra-Light-Fast-Generic-Face-Detector-1MB", version RFB (Linzaer, 2019;
 * MIT), as DJL blocks, for inference. The architecture is that of the published ONNX graph
 * (version-RFB-320_without_postprocessing.onnx): a MobileNet-like backbone of depthwise-separable
 * convolutions with one receptive-field block (RFB), and SSD heads on four maps (strides 8, 16, 32, 64)
 * with 3, 2, 2 and 3 prior boxes per cell.
 *
 * <p>Every batch norm of the published network is folded into the convolution before it when the weights
 * are converted (scripts/convert_ultra_light_face_detector.py), so each unit here is a convolution with a
 * bias, followed by ReLU where the published network has one. Units are named after the PyTorch module
 * of their convolution (e.g. {@code base_net.7.branch0.1.conv}), which is how the converter finds them.
 *
 * <p>Input: 1 x 3 x H x W, RGB normalised as (value - 127) / 128, any H and W. Output: class logits
 * (1 x N x 2: background, face) and box regressions (1 x N x 4: dx, dy, dw, dh relative to each prior), N
 * priors in the order of {@code io.github.landmarkj.detect.PriorBoxes}: map by map, row by row, cell by
 * cell, prior by prior.
 */
public final class UltraLightRfbNet extends AbstractBlock {
	/** Prior boxes per cell on each of the four maps. */
	public static final int[] PRIORS_PER_CELL = {3, 2, 2, 3};
	/** The stride of each of the four maps. */
	public static final int[] STRIDES = {8, 16, 32, 64};
	private static final int BASE = 16;

	private final Map<String, Unit> units = new LinkedHashMap<>();

	/** A convolution (batch norm folded in), its input channels, and whether ReLU follows it. */
	private record Unit(Conv2d conv, int inChannels, boolean relu) {
		NDArray apply(ParameterStore ps, NDArray x) {
			NDArray y = Convolutions.forward(conv, ps, x, false);
			return relu ? Activation.relu(y) : y;
		}
	}

	public UltraLightRfbNet() {
		int b = BASE;
		conv("base_net.0.0", 3, b, 3, 2, 1, 1, true);
		depthwiseSeparable(1, b, 2 * b, 1);
		depthwiseSeparable(2, 2 * b, 2 * b, 2);
		depthwiseSeparable(3, 2 * b, 2 * b, 1);
		depthwiseSeparable(4, 2 * b, 4 * b, 2);
		depthwiseSeparable(5, 4 * b, 4 * b, 1);
		depthwiseSeparable(6, 4 * b, 4 * b, 1);
		receptiveFieldBlock("base_net.7", 4 * b, 4 * b);
		depthwiseSeparable(8, 4 * b, 8 * b, 2);
		depthwiseSeparable(9, 8 * b, 8 * b, 1);
		depthwiseSeparable(10, 8 * b, 8 * b, 1);
		depthwiseSeparable(11, 8 * b, 16 * b, 2);
		depthwiseSeparable(12, 16 * b, 16 * b, 1);
		conv("extras.0.0", 16 * b, 4 * b, 1, 1, 0, 1, true);
		separableHead("extras.0.2", 4 * b, 16 * b, 2, true);
		int[] channels = {4 * b, 8 * b, 16 * b};
		for (int i = 0; i < 3; i++) {
			separableHead("classification_headers." + i, channels[i], 2 * PRIORS_PER_CELL[i], 1, false);
			separableHead("regression_headers." + i, channels[i], 4 * PRIORS_PER_CELL[i], 1, false);
		}
		conv("classification_headers.3", 16 * b, 2 * PRIORS_PER_CELL[3], 3, 1, 1, 1, false);
		conv("regression_headers.3", 16 * b, 4 * PRIORS_PER_CELL[3], 3, 1, 1, 1, false);
	}

	private void conv(String name, int in, int out, int kernel, int stride, int padding, int dilation, boolean relu) {
		conv(name, in, out, kernel, stride, padding, dilation, 1, relu);
	}

	private void conv(String name, int in, int out, int kernel, int stride, int padding, int dilation, int groups, boolean relu) {
		Conv2d c = Conv2d.builder().setFilters(out).setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
				.optPadding(new Shape(padding, padding)).optDilation(new Shape(dilation, dilation)).optGroups(groups).build();
		units.put(name, new Unit(addChildBlock(name, c), in, relu));
	}

	/** The published conv_dw: depthwise 3 x 3 (stride) + ReLU, pointwise 1 x 1 + ReLU. */
	private void depthwiseSeparable(int index, int in, int out, int stride) {
		conv("base_net." + index + ".0", in, in, 3, stride, 1, 1, in, true);
		conv("base_net." + index + ".3", in, out, 1, 1, 0, 1, true);
	}

	/** The published SeperableConv2d: depthwise 3 x 3 + ReLU, pointwise 1 x 1 (ReLU after it only in extras). */
	private void separableHead(String name, int in, int out, int stride, boolean reluAfter) {
		conv(name + ".0", in, in, 3, stride, 1, 1, in, true);
		conv(name + ".2", in, out, 1, 1, 0, 1, reluAfter);
	}

	/** The published BasicRFB (map_reduce 8, vision 1, scale 1): three dilated branches and a shortcut. */
	private void receptiveFieldBlock(String name, int in, int out) {
		int c = in / 8;
		conv(name + ".branch0.0.conv", in, c, 1, 1, 0, 1, false);
		conv(name + ".branch0.1.conv", c, 2 * c, 3, 1, 1, 1, true);
		conv(name + ".branch0.2.conv", 2 * c, 2 * c, 3, 1, 2, 2, false);
		conv(name + ".branch1.0.conv", in, c, 1, 1, 0, 1, false);
		conv(name + ".branch1.1.conv", c, 2 * c, 3, 1, 1, 1, true);
		conv(name + ".branch1.2.conv", 2 * c, 2 * c, 3, 1, 3, 3, false);
		conv(name + ".branch2.0.conv", in, c, 1, 1, 0, 1, false);
		conv(name + ".branch2.1.conv", c, c / 2 * 3, 3, 1, 1, 1, true);
		conv(name + ".branch2.2.conv", c / 2 * 3, 2 * c, 3, 1, 1, 1, true);
		conv(name + ".branch2.3.conv", 2 * c, 2 * c, 3, 1, 5, 5, false);
		conv(name + ".ConvLinear.conv", 6 * c, out, 1, 1, 0, 1, false);
		conv(name + ".shortcut.conv", in, out, 1, 1, 0, 1, false);
	}

	/** The convolutions by the name of their published PyTorch module, in construction order. */
	public Map<String, Conv2d> convolutions() {
		Map<String, Conv2d> out = new LinkedHashMap<>();
		units.forEach((name, u) -> out.put(name, u.conv));
		return Collections.unmodifiableMap(out);
	}

	private NDArray run(ParameterStore ps, String name, NDArray x) {
		return units.get(name).apply(ps, x);
	}

	private NDArray depthwiseSeparable(ParameterStore ps, int index, NDArray x) {
		return run(ps, "base_net." + index + ".3", run(ps, "base_net." + index + ".0", x));
	}

	private NDArray receptiveFieldBlock(ParameterStore ps, String name, NDArray x) {
		NDArray b0 = x;
		for (String s : new String[] {".branch0.0", ".branch0.1", ".branch0.2"}) {
			b0 = run(ps, name + s + ".conv", b0);
		}
		NDArray b1 = x;
		for (String s : new String[] {".branch1.0", ".branch1.1", ".branch1.2"}) {
			b1 = run(ps, name + s + ".conv", b1);
		}
		NDArray b2 = x;
		for (String s : new String[] {".branch2.0", ".branch2.1", ".branch2.2", ".branch2.3"}) {
			b2 = run(ps, name + s + ".conv", b2);
		}
		NDArray merged = run(ps, name + ".ConvLinear.conv", NDArrays.concat(new NDList(b0, b1, b2), 1));
		return Activation.relu(merged.add(run(ps, name + ".shortcut.conv", x)));
	}

	/** N x C x H x W to N x (H W C / k) x k: cell by cell, prior by prior, as the published reshape. */
	private static NDArray flatten(NDArray map, int k) {
		long n = map.getShape().get(0);
		return map.transpose(0, 2, 3, 1).reshape(n, -1, k);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		NDArray x = run(ps, "base_net.0.0", inputs.singletonOrThrow());
		List<NDArray> scores = new ArrayList<>(4);
		List<NDArray> boxes = new ArrayList<>(4);
		for (int i = 1; i <= 12; i++) {
			x = i == 7 ? receptiveFieldBlock(ps, "base_net.7", x) : depthwiseSeparable(ps, i, x);
			int source = i == 7 ? 0 : i == 10 ? 1 : i == 12 ? 2 : -1;
			if (source >= 0) {
				scores.add(flatten(head(ps, "classification_headers." + source, x), 2));
				boxes.add(flatten(head(ps, "regression_headers." + source, x), 4));
			}
		}
		x = run(ps, "extras.0.2.2", run(ps, "extras.0.2.0", run(ps, "extras.0.0", x)));
		scores.add(flatten(run(ps, "classification_headers.3", x), 2));
		boxes.add(flatten(run(ps, "regression_headers.3", x), 4));
		return new NDList(NDArrays.concat(new NDList(scores.toArray(new NDArray[0])), 1),
				NDArrays.concat(new NDList(boxes.toArray(new NDArray[0])), 1));
	}

	private NDArray head(ParameterStore ps, String name, NDArray x) {
		return run(ps, name + ".2", run(ps, name + ".0", x));
	}

	/** Priors of an input of this size: the sum over the four maps of cells times priors per cell. */
	public static int priorCount(int width, int height) {
		int n = 0;
		for (int i = 0; i < STRIDES.length; i++) {
			n += ceilDiv(width, STRIDES[i]) * ceilDiv(height, STRIDES[i]) * PRIORS_PER_CELL[i];
		}
		return n;
	}

	/** The side of a map after k stride-2 convolutions (3 x 3, padding 1): ceil(side / 2^k). */
	private static int ceilDiv(int side, int stride) {
		return (side + stride - 1) / stride;
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		long n = s.get(0);
		int priors = priorCount((int) s.get(3), (int) s.get(2));
		return new Shape[] {new Shape(n, priors, 2), new Shape(n, priors, 4)};
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		// Parameter shapes depend only on the channels; the spatial size is a placeholder.
		for (Unit u : units.values()) {
			u.conv.initialize(manager, dataType, new Shape(1, u.inChannels, 8, 8));
		}
	}
}
