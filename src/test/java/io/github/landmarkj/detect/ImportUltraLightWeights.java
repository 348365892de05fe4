package io.github.landmarkj.detect;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Second step of scripts/convert-ultra-light-face-detector.sh: reads the tensor file written by
 * scripts/convert_ultra_light_face_detector.py (batch norms folded; format in that script) into
 * {@link io.github.landmarkj.net.UltraLightRfbNet}'s convolutions, by the name of their published PyTorch
 * module, and saves them as DJL parameters (Block.saveParameters). Every convolution must be filled and
 * every tensor used, with matching shapes.
 *
 * <p>Usage: ImportUltraLightWeights TENSORS WEIGHTS_PARAMS
 */
public final class ImportUltraLightWeights {
	private ImportUltraLightWeights() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("Usage: ImportUltraLightWeights TENSORS WEIGHTS_PARAMS");
			System.exit(2);
		}
		Map<String, Tensor> tensors = read(Paths.get(args[0]));
		try (DetectorModel model = DetectorModel.create(Device.cpu())) {
			for (Map.Entry<String, Conv2d> e : model.network().convolutions().entrySet()) {
				fill(e.getValue().getParameters().get("weight").getArray(), take(tensors, e.getKey() + ".weight"));
				fill(e.getValue().getParameters().get("bias").getArray(), take(tensors, e.getKey() + ".bias"));
			}
			if (!tensors.isEmpty()) {
				throw new IOException("Tensors that no convolution took: " + tensors.keySet());
			}
			Path out = Paths.get(args[1]);
			model.saveWeights(out);
			System.out.println(model.network().convolutions().size() + " convolutions written to " + out);
		}
	}

	private static Tensor take(Map<String, Tensor> tensors, String name) throws IOException {
		Tensor t = tensors.remove(name);
		if (t == null) {
			throw new IOException("The tensor file has no " + name);
		}
		return t;
	}

	private static void fill(NDArray parameter, Tensor t) throws IOException {
		if (!parameter.getShape().equals(t.shape)) {
			throw new IOException(t.name + " has shape " + t.shape + ", the network's " + parameter.getShape());
		}
		parameter.set(t.values);
	}

	private static final class Tensor {
		final String name;
		final Shape shape;
		final float[] values;

		Tensor(String name, Shape shape, float[] values) {
			this.name = name;
			this.shape = shape;
			this.values = values;
		}
	}

	static Map<String, Tensor> read(Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		byte[] magic = new byte[8];
		b.get(magic);
		if (!Arrays.equals(magic, "LMJTENS1".getBytes(StandardCharsets.US_ASCII))) {
			throw new IOException(file + " is not a LandmarkJ tensor file");
		}
		int count = b.getInt();
		Map<String, Tensor> out = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			byte[] name = new byte[b.getInt()];
			b.get(name);
			long[] dims = new long[b.getInt()];
			long n = 1;
			for (int d = 0; d < dims.length; d++) {
				dims[d] = b.getInt();
				n *= dims[d];
			}
			float[] v = new float[Math.toIntExact(n)];
			b.asFloatBuffer().get(v);
			b.position(b.position() + 4 * v.length);
			String s = new String(name, StandardCharsets.UTF_8);
			out.put(s, new Tensor(s, new Shape(dims), v));
		}
		if (b.hasRemaining()) {
			throw new IOException(file + " has " + b.remaining() + " bytes after its last tensor");
		}
		return out;
	}
}
