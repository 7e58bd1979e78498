// Length units. Layout works in millimetres (the standard's unit); PDF wants points.
#pragma once

namespace gw {

inline constexpr double kPtPerMm = 72.0 / 25.4;
inline constexpr double mm_to_pt(double mm) { return mm * kPtPerMm; }
inline constexpr double pt_to_mm(double pt) { return pt / kPtPerMm; }

// GB/T 9704 "号" sizes in points (digest, Units).
inline constexpr double kSizeChuhao = 42, kSizeXiaochu = 36, kSizeYihao = 26, kSizeXiaoyi = 24,
                        kSizeErhao = 22, kSizeXiaoer = 18, kSizeSanhao = 16, kSizeXiaosan = 15,
                        kSizeSihao = 14, kSizeXiaosi = 12, kSizeWuhao = 10.5;

}  // namespace gw
