#!/usr/bin/env python3
"""Converts the published Ultra-Light-Fast-Generic-Face-Detector-1MB weights (version RFB, 320x240) for LandmarkJ.

Run once, at conversion (the product never needs Python): scripts/convert-ultra-light-face-detector.sh runs
this script and then the Java importer that turns its tensors into DJL parameters.

1. Builds the published RFB network in PyTorch (vision/nn/rfb.py + mb_tiny_RFB_fd.py of the source
   repository, as the published ONNX graph shows it) and loads the .pth state dict strictly.
2. Checks it against the published ONNX graph of the same weights with onnxruntime (max |difference|).
3. Folds every batch norm into the convolution before it (inference only: w' = w * g / sqrt(v + eps),
   b' = beta - mean * g / sqrt(v + eps)) and writes the convolutions as TENSOR FILE (format below).
4. Writes the reference fixture: raw scores (softmax) and raw box regressions of the ORIGINAL (unfolded)
   network for a 320x240 crop of samples/astronaut.png, plus the published post-processing's detections.

Tensor file, little-endian: magic b"LMJTENS1", int32 count, then per tensor: int32 name length, UTF-8
name, int32 ndim, int32 dims, float32 values (C order). Names: "<pth prefix of the conv>.weight|.bias".

Usage: convert_ultra_light_face_detector.py PTH ONNX IMAGE_PNG TENSORS_OUT FIXTURE_OUT
  ONNX "-" skips step 2 (the RFB-640 weights have no published ONNX graph without post-processing here).
"""
import json
import struct
import sys
import zlib

import numpy as np
import torch
from torch import nn

CROP = (64, 0, 320, 240)  # x, y, width, height of the fixture crop of samples/astronaut.png
MIN_BOXES = [[10, 16, 24], [32, 48], [64, 96], [128, 192, 256]]
STRIDES = [8, 16, 32, 64]
CENTER_VARIANCE, SIZE_VARIANCE = 0.1, 0.2
THRESHOLD, NMS_IOU = 0.7, 0.3


# ---- the published network (eval mode) ----
def conv_bn(inp, oup, stride):
    return nn.Sequential(nn.Conv2d(inp, oup, 3, stride, 1, bias=False), nn.BatchNorm2d(oup), nn.ReLU(inplace=True))


def conv_dw(inp, oup, stride):
    return nn.Sequential(
        nn.Conv2d(inp, inp, 3, stride, 1, groups=inp, bias=False), nn.BatchNorm2d(inp), nn.ReLU(inplace=True),
        nn.Conv2d(inp, oup, 1, 1, 0, bias=False), nn.BatchNorm2d(oup), nn.ReLU(inplace=True))


class BasicConv(nn.Module):
    def __init__(self, inp, oup, kernel, padding=0, dilation=1, relu=True):
        super().__init__()
        self.conv = nn.Conv2d(inp, oup, kernel, 1, padding, dilation, bias=False)
        self.bn = nn.BatchNorm2d(oup, eps=1e-5, momentum=0.01, affine=True)
        self.relu = nn.ReLU(inplace=True) if relu else None

    def forward(self, x):
        x = self.bn(self.conv(x))
        return self.relu(x) if self.relu is not None else x


class BasicRFB(nn.Module):
    def __init__(self, inp, oup, map_reduce=8, vision=1):
        super().__init__()
        c = inp // map_reduce
        self.branch0 = nn.Sequential(BasicConv(inp, c, 1, relu=False), BasicConv(c, 2 * c, 3, 1),
                                     BasicConv(2 * c, 2 * c, 3, vision + 1, vision + 1, relu=False))
        self.branch1 = nn.Sequential(BasicConv(inp, c, 1, relu=False), BasicConv(c, 2 * c, 3, 1),
                                     BasicConv(2 * c, 2 * c, 3, vision + 2, vision + 2, relu=False))
        self.branch2 = nn.Sequential(BasicConv(inp, c, 1, relu=False), BasicConv(c, c // 2 * 3, 3, 1),
                                     BasicConv(c // 2 * 3, 2 * c, 3, 1), BasicConv(2 * c, 2 * c, 3, vision + 4, vision + 4, relu=False))
        self.ConvLinear = BasicConv(6 * c, oup, 1, relu=False)
        self.shortcut = BasicConv(inp, oup, 1, relu=False)

    def forward(self, x):
        out = torch.cat((self.branch0(x), self.branch1(x), self.branch2(x)), 1)
        return torch.relu(self.ConvLinear(out) * 1.0 + self.shortcut(x))


def separable(inp, oup, stride):
    return nn.Sequential(nn.Conv2d(inp, inp, 3, stride, 1, groups=inp), nn.ReLU(), nn.Conv2d(inp, oup, 1))


class RfbFaceDetector(nn.Module):
    def __init__(self):
        super().__init__()
        b = 16
        self.base_net = nn.Sequential(
            conv_bn(3, b, 2), conv_dw(b, 2 * b, 1), conv_dw(2 * b, 2 * b, 2), conv_dw(2 * b, 2 * b, 1),
            conv_dw(2 * b, 4 * b, 2), conv_dw(4 * b, 4 * b, 1), conv_dw(4 * b, 4 * b, 1), BasicRFB(4 * b, 4 * b),
            conv_dw(4 * b, 8 * b, 2), conv_dw(8 * b, 8 * b, 1), conv_dw(8 * b, 8 * b, 1),
            conv_dw(8 * b, 16 * b, 2), conv_dw(16 * b, 16 * b, 1))
        self.extras = nn.ModuleList([nn.Sequential(nn.Conv2d(16 * b, 4 * b, 1), nn.ReLU(), separable(4 * b, 16 * b, 2), nn.ReLU())])
        chans = [4 * b, 8 * b, 16 * b]
        anchors = [len(m) for m in MIN_BOXES]
        self.classification_headers = nn.ModuleList(
            [separable(c, a * 2, 1) for c, a in zip(chans, anchors)] + [nn.Conv2d(16 * b, anchors[3] * 2, 3, padding=1)])
        self.regression_headers = nn.ModuleList(
            [separable(c, a * 4, 1) for c, a in zip(chans, anchors)] + [nn.Conv2d(16 * b, anchors[3] * 4, 3, padding=1)])
        self.source_layers = [8, 11, 13]

    def forward(self, x):
        scores, locations = [], []
        start = 0
        for i, end in enumerate(self.source_layers):
            for layer in self.base_net[start:end]:
                x = layer(x)
            start = end
            scores.append(self.flat(self.classification_headers[i](x), 2))
            locations.append(self.flat(self.regression_headers[i](x), 4))
        for layer in self.base_net[start:]:
            x = layer(x)
        x = self.extras[0](x)
        scores.append(self.flat(self.classification_headers[3](x), 2))
        locations.append(self.flat(self.regression_headers[3](x), 4))
        return torch.softmax(torch.cat(scores, 1), dim=2), torch.cat(locations, 1)

    @staticmethod
    def flat(t, k):
        return t.permute(0, 2, 3, 1).contiguous().view(t.size(0), -1, k)


# ---- published post-processing (vision/utils/box_utils.py), in input pixels ----
def priors(width, height):
    out = []
    for stride, sides in zip(STRIDES, MIN_BOXES):
        fw, fh = -(-width // stride), -(-height // stride)
        for j in range(fh):
            for i in range(fw):
                for s in sides:
                    out.append([(i + 0.5) * stride / width, (j + 0.5) * stride / height, s / width, s / height])
    return np.clip(np.array(out, dtype=np.float64), 0.0, 1.0)


def decode(loc, pri, width, height):
    c = loc[:, :2] * CENTER_VARIANCE * pri[:, 2:] + pri[:, :2]
    s = np.exp(loc[:, 2:] * SIZE_VARIANCE) * pri[:, 2:]
    corners = np.concatenate([c - s / 2, c + s / 2], axis=1)
    return corners * np.array([width, height, width, height])


def hard_nms(boxes, scores, iou_threshold):
    order = list(np.argsort(-scores, kind="stable"))
    keep = []
    while order:
        best = order.pop(0)
        keep.append(best)
        rest = []
        for k in order:
            a, b = boxes[best], boxes[k]
            iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
            ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
            inter = iw * ih
            union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
            if inter / union <= iou_threshold:
                rest.append(k)
        order = rest
    return keep


# ---- a minimal PNG reader (8-bit RGB/RGBA, not interlaced): no image library needed ----
def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, header = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "8-bit RGB(A) non-interlaced PNG expected"
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    img = np.zeros((h, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(h):
        f, line = raw[y * (stride + 1)], np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32)
        cur = np.zeros(stride, dtype=np.int32)
        for x in range(stride):
            a = cur[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 0:
                p = 0
            elif f == 1:
                p = a
            elif f == 2:
                p = b
            elif f == 3:
                p = (a + b) // 2
            else:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            cur[x] = (line[x] + p) & 0xFF
        img[y], prev = cur, cur
    return img.reshape(h, w, bpp)[:, :, :3].astype(np.float32)


def folded_convolutions(net):
    """(pth prefix, weight, bias) of every convolution, batch norms folded in, in float64 then float32."""
    out = []
    modules = dict(net.named_modules())
    names = [n for n, m in net.named_modules() if isinstance(m, nn.Conv2d)]
    for name in names:
        conv = modules[name]
        w = conv.weight.detach().double()
        b = conv.bias.detach().double() if conv.bias is not None else torch.zeros(w.shape[0], dtype=torch.float64)
        bn = following_batch_norm(net, name, modules)
        if bn is not None:
            scale = bn.weight.detach().double() / torch.sqrt(bn.running_var.double() + bn.eps)
            w = w * scale.view(-1, 1, 1, 1)
            b = bn.bias.detach().double() + (b - bn.running_mean.double()) * scale
        out.append((name, w.float().numpy(), b.float().numpy()))
    return out


def following_batch_norm(net, conv_name, modules):
    parent, _, index = conv_name.rpartition(".")
    if index == "conv":  # BasicConv: conv then bn
        return modules[parent + ".bn"]
    if index.isdigit() and parent in modules and isinstance(modules[parent], nn.Sequential):
        nxt = parent + "." + str(int(index) + 1)
        if nxt in modules and isinstance(modules[nxt], nn.BatchNorm2d):
            return modules[nxt]
    return None


def write_tensors(path, convs):
    with open(path, "wb") as f:
        f.write(b"LMJTENS1")
        f.write(struct.pack("<i", 2 * len(convs)))
        for name, w, b in convs:
            for suffix, t in ((".weight", w), (".bias", b)):
                n = (name + suffix).encode("utf-8")
                f.write(struct.pack("<i", len(n)) + n + struct.pack("<i", t.ndim) + struct.pack("<%di" % t.ndim, *t.shape))
                f.write(np.ascontiguousarray(t, dtype="<f4").tobytes())


def main(pth, onnx_path, image_png, tensors_out, fixture_out):
    net = RfbFaceDetector()
    net.load_state_dict(torch.load(pth, map_location="cpu"), strict=True)
    net.eval()
    img = read_png(image_png)
    x0, y0, w, h = CROP
    crop = img[y0:y0 + h, x0:x0 + w]
    x = torch.from_numpy(((crop - 127.0) / 128.0).transpose(2, 0, 1)[None].copy())
    with torch.no_grad():
        scores, locs = net(x)
    scores, locs = scores[0].numpy(), locs[0].numpy()

    if onnx_path == "-":
        print("No published ONNX graph given: the check against it is skipped (the .pth loaded strictly)")
    else:
        import onnxruntime
        onnxruntime.set_default_logger_severity(3)
        session = onnxruntime.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
        ref_scores, ref_boxes = session.run(None, {"input": x.numpy()})
        print("PyTorch network vs published ONNX graph: max |score diff| %.2e, max |regression diff| %.2e"
              % (np.abs(ref_scores[0] - scores).max(), np.abs(ref_boxes[0] - locs).max()))

    convs = folded_convolutions(net)
    write_tensors(tensors_out, convs)
    print("%d convolutions (batch norms folded) written to %s" % (len(convs), tensors_out))

    pri = priors(w, h)
    assert len(pri) == len(scores), (len(pri), len(scores))
    boxes = decode(locs.astype(np.float64), pri, w, h)
    face = scores[:, 1]
    candidates = np.where(face > THRESHOLD)[0]
    keep = [int(candidates[k]) for k in hard_nms(boxes[candidates], face[candidates], NMS_IOU)]
    top = [int(i) for i in np.argsort(-face, kind="stable")[:40]]
    sampled = sorted(set(top) | set(range(0, len(face), 37)))
    fixture = {
        "source": "scripts/convert_ultra_light_face_detector.py from %s (original weights, batch norms unfolded)" % pth.split("/")[-1],
        "image": "samples/astronaut.png", "crop": {"x": x0, "y": y0, "width": w, "height": h},
        "normalisation": "(value - 127) / 128, RGB, planar",
        "priors": len(face),
        "outputs": [{"prior": i, "scores": [float(v) for v in scores[i]], "regression": [float(v) for v in locs[i]]} for i in sampled],
        "published_postprocessing": {"score_threshold": THRESHOLD, "nms_iou": NMS_IOU,
                                     "detections": [{"prior": i, "score": float(face[i]),
                                                     "box_x1y1x2y2": [float(v) for v in boxes[i]]} for i in keep]},
    }
    with open(fixture_out, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print("fixture: %d priors' outputs, %d detections -> %s" % (len(sampled), len(keep), fixture_out))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
