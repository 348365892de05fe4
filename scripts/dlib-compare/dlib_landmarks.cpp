// dlib's 68-point shape predictor (an ensemble of regression trees, Kazemi & Sullivan 2014) on given face
// boxes, timed. A comparison tool for LandmarkJ's benchmark (DlibComparisonBench in the test sources), not
// part of the product. Build: scripts/dlib-compare/build.sh (see the README beside this file).
//
// Usage: dlib_landmarks MODEL FACES_CSV OUTPUT_CSV [REPEATS]
//        dlib_landmarks --detect FACES_CSV OUTPUT_CSV
//   MODEL      dlib's shape_predictor_68_face_landmarks.dat (Debian: /usr/share/dlib/, package libdlib-data)
//   FACES_CSV  header "image,x,y,width,height", one row per face: image path (relative to the current folder
//              or absolute; quote it with "..." if it holds a comma), then the face box in 0-based pixels
//              (the centre of the top-left pixel is 0,0; x, y the top-left corner, decimals allowed).
//   OUTPUT_CSV one row per face read: "face,image,predictor_ms,predictor_cpu_ms,grey_ms,x0..x67,y0..y67".
//              face = the row's number in FACES_CSV (0-based, header not counted); predictor_ms and
//              predictor_cpu_ms = median wall and thread-CPU time of the shape predictor call alone, over
//              REPEATS calls on the already loaded grey image (image decoding and grey conversion excluded);
//              grey_ms = the RGB-to-grey conversion of the face's whole image (once, not in predictor_ms);
//              points in 0-based pixels, as dlib returns them: whole pixels (its full_object_detection holds
//              integer points), on pixel centres (dlib samples img[y][x] at a point's rounded position).
//              Written to OUTPUT_CSV.tmp, then renamed: a failed run leaves no partial OUTPUT_CSV.
//   REPEATS    calls per face (default 1); after one untimed warm-up call per face.
// --detect: runs dlib's HOG face detector (get_frontal_face_detector, no upsampling) once on every image named in
//   FACES_CSV (its boxes are ignored) and writes "image,x,y,width,height,score", one row per detection, in the same
//   convention as the input boxes (x = left, width = right - left of dlib's rectangle), so that a detection given
//   back as a face box becomes the very rectangle the detector found. The boxes the 68-point model was trained with
//   came from this detector: DlibComparisonBench fits the step from a tight landmark box to such a box.
// A face box becomes dlib's rectangle(round(x), round(y), round(x + width), round(y + height)): dlib maps its
// normalised shape's (0,0) to the rectangle's top-left corner and (1,1) to its bottom-right corner, both pixel
// positions, so a tight box's extreme points land on its left and right columns. dlib's rectangles are
// integers: that rounding moves a box by at most half a pixel.
// Exit status: 0 all done; 1 nothing done (bad arguments, model or faces file); 3 some faces or images skipped
// (an unreadable image or a malformed row, each named on stderr), the others written.
#include <dlib/image_io.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct FaceRequest {
    long row;
    std::string image;
    double x, y, width, height;
};

struct LoadedImage {
    dlib::array2d<unsigned char> grey;
    double grey_ms;
};

// Splits one CSV line; a field may be quoted ("a,b" or "say ""x""").
std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(field);
            field.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    fields.push_back(field);
    return fields;
}

bool parse_number(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end != text.c_str() && *end == '\0' && std::isfinite(out);
}

std::string quote(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string q = "\"";
    for (char c : s) {
        q += c;
        if (c == '"') {
            q += '"';
        }
    }
    return q + "\"";
}

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string format(double v) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::fixed << std::setprecision(4) << v;
    return s.str();
}

// Reads FACES_CSV's header and rows; malformed rows are named on stderr and counted in skipped.
bool read_faces(const std::string& faces_path, std::vector<FaceRequest>& faces, int& skipped) {
    std::ifstream faces_in(faces_path);
    if (!faces_in) {
        std::cerr << "Cannot read the faces file " << faces_path << "\n";
        return false;
    }
    std::string line;
    if (!std::getline(faces_in, line) || split_csv(line).size() != 5 || split_csv(line)[0] != "image") {
        std::cerr << faces_path << ": the first line must be the header image,x,y,width,height\n";
        return false;
    }
    for (long row = 0; std::getline(faces_in, line); ++row) {
        std::vector<std::string> f = split_csv(line);
        FaceRequest face{row, f[0], 0, 0, 0, 0};
        if (f.size() != 5 || !parse_number(f[1], face.x) || !parse_number(f[2], face.y) || !parse_number(f[3], face.width)
                || !parse_number(f[4], face.height) || !(face.width > 0) || !(face.height > 0)) {
            std::cerr << faces_path << " line " << row + 2 << ": expected image,x,y,width,height with a positive width and "
                      << "height, got '" << line << "'; face " << row << " skipped\n";
            ++skipped;
            continue;
        }
        faces.push_back(face);
    }
    return true;
}

// Writes the temporary file's rows to output_path by renaming; returns the exit status.
int finish(const std::string& temporary, const std::string& output_path, std::ofstream& out, int written, int skipped) {
    out.close();
    if (written == 0) {
        std::cerr << "No image or face could be done (" << skipped << " skipped); nothing written\n";
        std::remove(temporary.c_str());
        return 1;
    }
    if (!out || std::rename(temporary.c_str(), output_path.c_str()) != 0) {
        std::cerr << "Cannot write " << output_path << "\n";
        std::remove(temporary.c_str());
        return 1;
    }
    if (skipped > 0) {
        std::cerr << skipped << " skipped, " << written << " written to " << output_path << "\n";
        return 3;
    }
    return 0;
}

int detect_faces(const std::string& faces_path, const std::string& output_path) {
    int skipped = 0;
    std::vector<FaceRequest> faces;
    if (!read_faces(faces_path, faces, skipped)) {
        return 1;
    }
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    const std::string temporary = output_path + ".tmp";
    std::ofstream out(temporary);
    if (!out) {
        std::cerr << "Cannot write " << temporary << "\n";
        return 1;
    }
    out << "image,x,y,width,height,score\n";
    std::map<std::string, bool> done;
    int written = 0;
    for (const FaceRequest& face : faces) {
        if (done.count(face.image)) {
            continue;
        }
        done[face.image] = true;
        dlib::array2d<unsigned char> grey;
        try {
            dlib::load_image(grey, face.image);
        } catch (const std::exception& e) {
            std::cerr << "Cannot read image " << face.image << " (skipped): " << e.what() << "\n";
            ++skipped;
            continue;
        }
        std::vector<dlib::rect_detection> found;
        detector(grey, found);
        for (const dlib::rect_detection& d : found) {
            const dlib::rectangle& r = d.rect;
            out << quote(face.image) << ',' << r.left() << ',' << r.top() << ',' << r.right() - r.left() << ','
                << r.bottom() - r.top() << ',' << format(d.detection_confidence) << '\n';
        }
        ++written;
    }
    return finish(temporary, output_path, out, written, skipped);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--detect") {
        return detect_faces(argv[2], argv[3]);
    }
    if (argc < 4 || argc > 5) {
        std::cerr << "Usage: dlib_landmarks MODEL FACES_CSV OUTPUT_CSV [REPEATS]\n"
                  << "       dlib_landmarks --detect FACES_CSV OUTPUT_CSV\n"
                  << "  e.g. dlib_landmarks /usr/share/dlib/shape_predictor_68_face_landmarks.dat faces.csv out.csv 5\n";
        return 1;
    }
    const std::string model_path = argv[1], faces_path = argv[2], output_path = argv[3];
    long repeats = 1;
    if (argc == 5) {
        double r;
        if (!parse_number(argv[4], r) || r < 1 || r != std::floor(r)) {
            std::cerr << "REPEATS must be a whole number of at least 1, got '" << argv[4] << "'\n";
            return 1;
        }
        repeats = static_cast<long>(r);
    }

    dlib::shape_predictor predictor;
    try {
        dlib::deserialize(model_path) >> predictor;
    } catch (const std::exception& e) {
        std::cerr << "Cannot read the shape predictor " << model_path << ": " << e.what()
                  << "\n(Debian: apt-get install libdlib-data puts it in /usr/share/dlib/)\n";
        return 1;
    }
    if (predictor.num_parts() != 68) {
        std::cerr << model_path << " predicts " << predictor.num_parts() << " points, not 68\n";
        return 1;
    }

    int skipped = 0;
    std::vector<FaceRequest> faces;
    if (!read_faces(faces_path, faces, skipped)) {
        return 1;
    }

    std::map<std::string, std::unique_ptr<LoadedImage>> images;
    const std::string temporary = output_path + ".tmp";
    std::ofstream out(temporary);
    if (!out) {
        std::cerr << "Cannot write " << temporary << "\n";
        return 1;
    }
    out << "face,image,predictor_ms,predictor_cpu_ms,grey_ms";
    for (const char* axis : {"x", "y"}) {
        for (int i = 0; i < 68; ++i) {
            out << ',' << axis << i;
        }
    }
    out << '\n';
    int written = 0;
    for (const FaceRequest& face : faces) {
        auto found = images.find(face.image);
        if (found == images.end()) {
            std::unique_ptr<LoadedImage> loaded(new LoadedImage());
            try {
                dlib::array2d<dlib::rgb_pixel> rgb;
                dlib::load_image(rgb, face.image);
                auto t0 = std::chrono::steady_clock::now();
                dlib::assign_image(loaded->grey, rgb);
                loaded->grey_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            } catch (const std::exception& e) {
                std::cerr << "Cannot read image " << face.image << " (face " << face.row << " skipped): " << e.what() << "\n";
                ++skipped;
                continue;
            }
            found = images.emplace(face.image, std::move(loaded)).first;
        }
        const LoadedImage& image = *found->second;
        const dlib::rectangle box(std::lround(face.x), std::lround(face.y), std::lround(face.x + face.width),
                std::lround(face.y + face.height));
        dlib::full_object_detection shape = predictor(image.grey, box);  // warm-up, untimed
        std::vector<double> wall, cpu;
        for (long r = 0; r < repeats; ++r) {
            double c0 = thread_cpu_ms();
            auto t0 = std::chrono::steady_clock::now();
            shape = predictor(image.grey, box);
            auto t1 = std::chrono::steady_clock::now();
            cpu.push_back(thread_cpu_ms() - c0);
            wall.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        out << face.row << ',' << quote(face.image) << ',' << format(median(wall)) << ',' << format(median(cpu)) << ','
            << format(image.grey_ms);
        for (unsigned long i = 0; i < 68; ++i) {
            out << ',' << shape.part(i).x();
        }
        for (unsigned long i = 0; i < 68; ++i) {
            out << ',' << shape.part(i).y();
        }
        out << '\n';
        ++written;
    }
    return finish(temporary, output_path, out, written, skipped);
}
