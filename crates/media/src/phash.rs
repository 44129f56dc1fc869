//! Perceptual hash (DCT pHash, 64 bits): the picture in grey at 32×32, its 2-D DCT, and one
//! bit per low frequency (the 8×8 block next to the DC term): set when the coefficient is
//! above the block's median. Copies of a photo (re-encoded, resized) differ in a few bits,
//! different photos in about half of them.

use std::sync::OnceLock;

use crate::pixels::{self, Raster};

const SIZE: usize = 32;

/// Number of bits in which two hashes differ (0 = same picture, 64 = opposite).
pub fn phash_distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// cos((2x + 1) u π / 2N) for the 32-point DCT-II.
fn cosines() -> &'static [[f64; SIZE]; SIZE] {
    static TABLE: OnceLock<[[f64; SIZE]; SIZE]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [[0.0; SIZE]; SIZE];
        for (u, row) in table.iter_mut().enumerate() {
            for (x, value) in row.iter_mut().enumerate() {
                *value =
                    (((2 * x + 1) * u) as f64 * std::f64::consts::PI / (2 * SIZE) as f64).cos();
            }
        }
        table
    })
}

/// The hash of an opaque or RGBA raster (alpha is ignored).
pub(crate) fn phash(raster: &Raster) -> Result<u64, String> {
    let grey = to_grey(raster);
    let small = pixels::resize(&grey, SIZE as u32, SIZE as u32)?;
    let cos = cosines();
    let input: Vec<f64> = small.data.iter().map(|&v| f64::from(v)).collect();
    // Rows first, then columns; only the 9×9 low frequencies are needed.
    let mut rows = [[0.0f64; 9]; SIZE];
    for (y, row) in rows.iter_mut().enumerate() {
        for (u, out) in row.iter_mut().enumerate() {
            *out = (0..SIZE).map(|x| input[y * SIZE + x] * cos[u][x]).sum();
        }
    }
    let mut block = [0.0f64; 64];
    for v in 1..9 {
        for u in 1..9 {
            block[(v - 1) * 8 + (u - 1)] = (0..SIZE).map(|y| rows[y][u] * cos[v][y]).sum();
        }
    }
    let mut sorted = block;
    sorted.sort_by(f64::total_cmp);
    let median = (sorted[31] + sorted[32]) / 2.0;
    Ok(block.iter().enumerate().fold(
        0u64,
        |hash, (i, &c)| if c > median { hash | (1 << i) } else { hash },
    ))
}

fn to_grey(raster: &Raster) -> Raster {
    if raster.channels == 1 {
        return raster.clone();
    }
    let c = usize::from(raster.channels);
    let data = raster
        .data
        .chunks_exact(c)
        .map(|p| {
            ((299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]) + 500) / 1000)
                as u8
        })
        .collect();
    Raster {
        width: raster.width,
        height: raster.height,
        channels: 1,
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(w: u32, h: u32, f: impl Fn(u32, u32) -> u8) -> Raster {
        Raster {
            width: w,
            height: h,
            channels: 1,
            data: (0..h)
                .flat_map(|y| (0..w).map(move |x| (x, y)))
                .map(|(x, y)| f(x, y))
                .collect(),
        }
    }

    #[test]
    fn same_picture_other_size_is_close_and_other_picture_far() {
        let big = pattern(640, 480, |x, y| ((x / 40 + y / 60) % 2 * 200) as u8);
        let small = pattern(320, 240, |x, y| ((x / 20 + y / 30) % 2 * 200) as u8);
        let other = pattern(640, 480, |x, y| ((x * 255 / 640) ^ (y * 255 / 480)) as u8);
        let (a, b, c) = (
            phash(&big).expect("hash"),
            phash(&small).expect("hash"),
            phash(&other).expect("hash"),
        );
        assert!(phash_distance(a, b) <= 4, "{}", phash_distance(a, b));
        assert!(phash_distance(a, c) > 20, "{}", phash_distance(a, c));
        assert_eq!(phash_distance(0, u64::MAX), 64);
    }
}
