//! Pixels: decode within [`Limits`] (JPEG at reduced size by DCT scaling), resize (SIMD,
//! Lanczos3), apply the EXIF orientation, encode JPEG.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use newsdesk_model::text;

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{
    DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageError, ImageFormat,
    ImageReader,
};

use crate::format::Format;
use crate::{Limits, MediaError};

/// JPEG quality of renditions.
pub(crate) const JPEG_QUALITY: u8 = 82;

/// Decoded pixels: 1 channel (grey), 3 (RGB) or 4 (RGBA, not premultiplied), 8 bits each.
#[derive(Debug, Clone)]
pub(crate) struct Raster {
    pub width: u32,
    pub height: u32,
    pub channels: u8,
    pub data: Vec<u8>,
}

#[derive(Debug)]
pub(crate) struct Decoded {
    pub raster: Raster,
    /// The stored size (before any DCT scaling and before orientation).
    pub full_width: u32,
    pub full_height: u32,
    /// The embedded colour profile, when it fits the raster's colours.
    pub icc: Option<Vec<u8>>,
}

fn check_size(width: u32, height: u32, limits: &Limits, name: &Path) -> Result<(), MediaError> {
    if width == 0 || height == 0 {
        return Err(MediaError::corrupt(
            name,
            text!(
                "it declares a size of {width}×{height} pixels",
                "angegeben ist eine Größe von {width}×{height} Pixeln"
            ),
        ));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_pixels {
        return Err(MediaError::too_large(
            name,
            text!(
                "it declares {width}×{height} pixels ({:.0} megapixels), more than the {:.0} megapixels allowed",
                "angegeben sind {width}×{height} Pixel ({:.0} Megapixel), mehr als die erlaubten {:.0} Megapixel",
                pixels as f64 / 1e6,
                limits.max_pixels as f64 / 1e6
            ),
        ));
    }
    if pixels.saturating_mul(4) > limits.max_alloc_bytes {
        return Err(MediaError::too_large(
            name,
            text!(
                "decoding its {width}×{height} pixels would need more memory than allowed",
                "das Entschlüsseln der {width}×{height} Pixel bräuchte mehr Speicher als erlaubt"
            ),
        ));
    }
    Ok(())
}

/// Runs a third-party decoder so that a panic inside it becomes an error, not a crash.
fn guarded<T>(name: &Path, work: impl FnOnce() -> Result<T, MediaError>) -> Result<T, MediaError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(MediaError::corrupt(
            name,
            text!(
                "its picture data made the decoder fail (the file is probably damaged)",
                "die Bilddaten haben den Decoder scheitern lassen (die Datei ist wohl beschädigt)"
            ),
        ))
    })
}

/// Decodes the picture; with `long_edge`, a JPEG is decoded at the smallest DCT scale (1/8,
/// 1/4, 1/2, 1) that still gives at least that many pixels on its long edge.
pub(crate) fn decode(
    bytes: &[u8],
    format: Format,
    name: &Path,
    limits: &Limits,
    long_edge: Option<u32>,
) -> Result<Decoded, MediaError> {
    guarded(name, || match format {
        Format::Jpeg => decode_jpeg(bytes, name, limits, long_edge),
        Format::Png => decode_image(bytes, ImageFormat::Png, name, limits),
        Format::WebP => decode_image(bytes, ImageFormat::WebP, name, limits),
        Format::Tiff => decode_image(bytes, ImageFormat::Tiff, name, limits),
    })
}

fn jpeg_error(name: &Path, error: jpeg_decoder::Error) -> MediaError {
    match error {
        jpeg_decoder::Error::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            MediaError::corrupt(
                name,
                text!(
                    "its JPEG data ends early (the file is cut off)",
                    "die JPEG-Daten enden zu früh (die Datei ist abgeschnitten)"
                ),
            )
        }
        jpeg_decoder::Error::Unsupported(feature) => MediaError::unsupported(
            name,
            text!(
                "uses a JPEG feature this program cannot decode ({feature:?})",
                "nutzt eine JPEG-Funktion, die Newsdesk nicht entschlüsseln kann ({feature:?})"
            ),
        ),
        other => MediaError::corrupt(
            name,
            text!(
                "its JPEG data cannot be decoded ({other})",
                "die JPEG-Daten lassen sich nicht entschlüsseln ({other})"
            ),
        ),
    }
}

fn decode_jpeg(
    bytes: &[u8],
    name: &Path,
    limits: &Limits,
    long_edge: Option<u32>,
) -> Result<Decoded, MediaError> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(
        usize::try_from(limits.max_alloc_bytes).unwrap_or(usize::MAX),
    );
    decoder.read_info().map_err(|e| jpeg_error(name, e))?;
    let info = decoder.info().ok_or_else(|| {
        MediaError::corrupt(
            name,
            text!(
                "its JPEG header is incomplete",
                "der JPEG-Kopf ist unvollständig"
            ),
        )
    })?;
    let (full_width, full_height) = (u32::from(info.width), u32::from(info.height));
    check_size(full_width, full_height, limits, name)?;
    if let Some(edge) = long_edge {
        let (w, h) = fit(full_width, full_height, edge.max(1));
        let clamp = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
        decoder
            .scale(clamp(w), clamp(h))
            .map_err(|e| jpeg_error(name, e))?;
    }
    let pixels = decoder.decode().map_err(|e| jpeg_error(name, e))?;
    let info = decoder.info().ok_or_else(|| {
        MediaError::corrupt(
            name,
            text!(
                "its JPEG header is incomplete",
                "der JPEG-Kopf ist unvollständig"
            ),
        )
    })?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    let count = width as usize * height as usize;
    let (channels, data) = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => (1, pixels),
        jpeg_decoder::PixelFormat::L16 => (
            1,
            pixels
                .chunks_exact(2)
                .map(|p| u16::from_ne_bytes([p[0], p[1]]).to_be_bytes()[0])
                .collect(),
        ),
        jpeg_decoder::PixelFormat::RGB24 => (3, pixels),
        jpeg_decoder::PixelFormat::CMYK32 => (3, cmyk_to_rgb(&pixels)),
    };
    if data.len() < count * channels as usize {
        return Err(MediaError::corrupt(
            name,
            text!(
                "its JPEG data gave fewer pixels than its header declares",
                "die JPEG-Daten ergeben weniger Pixel, als sein Kopf angibt"
            ),
        ));
    }
    let icc = decoder.icc_profile().filter(|icc| icc_fits(icc, channels));
    Ok(Decoded {
        raster: Raster {
            width,
            height,
            channels,
            data,
        },
        full_width,
        full_height,
        icc,
    })
}

/// jpeg-decoder hands out CMYK with Adobe's inversion already undone (0 = no ink).
fn cmyk_to_rgb(cmyk: &[u8]) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(cmyk.len() / 4 * 3);
    for p in cmyk.chunks_exact(4) {
        let k = 255 - u32::from(p[3]);
        for &c in &p[..3] {
            rgb.push(((255 - u32::from(c)) * k / 255) as u8);
        }
    }
    rgb
}

/// Whether an ICC profile describes the colours of a raster with `channels` channels.
fn icc_fits(icc: &[u8], channels: u8) -> bool {
    match icc.get(16..20) {
        Some(b"RGB ") => channels >= 3,
        Some(b"GRAY") => channels == 1,
        _ => false,
    }
}

fn image_error(name: &Path, error: ImageError) -> MediaError {
    match error {
        ImageError::Limits(e) => MediaError::too_large(
            name,
            text!(
                "decoding it would exceed the memory allowed ({e})",
                "das Entschlüsseln bräuchte mehr Speicher als erlaubt ({e})"
            ),
        ),
        ImageError::Unsupported(e) => MediaError::unsupported(
            name,
            text!(
                "uses a feature this program cannot decode ({e})",
                "nutzt eine Funktion, die Newsdesk nicht entschlüsseln kann ({e})"
            ),
        ),
        ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            MediaError::corrupt(
                name,
                text!(
                    "its picture data ends early (the file is cut off)",
                    "die Bilddaten enden zu früh (die Datei ist abgeschnitten)"
                ),
            )
        }
        other => MediaError::corrupt(
            name,
            text!(
                "its picture data cannot be decoded ({other})",
                "die Bilddaten lassen sich nicht entschlüsseln ({other})"
            ),
        ),
    }
}

fn decode_image(
    bytes: &[u8],
    format: ImageFormat,
    name: &Path,
    limits: &Limits,
) -> Result<Decoded, MediaError> {
    let image_limits = || {
        let mut l = image::Limits::default();
        l.max_alloc = Some(limits.max_alloc_bytes);
        l
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(image_limits());
    let (full_width, full_height) = reader.into_dimensions().map_err(|e| image_error(name, e))?;
    check_size(full_width, full_height, limits, name)?;

    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(image_limits());
    let mut decoder = reader.into_decoder().map_err(|e| image_error(name, e))?;
    let icc = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(|e| image_error(name, e))?;
    let (width, height) = (image.width(), image.height());
    let (channels, data) = match image {
        DynamicImage::ImageLuma8(i) => (1, i.into_raw()),
        DynamicImage::ImageRgb8(i) => (3, i.into_raw()),
        DynamicImage::ImageRgba8(i) => (4, i.into_raw()),
        other if other.color().has_alpha() => (4, other.to_rgba8().into_raw()),
        other if other.color().channel_count() == 1 => (1, other.to_luma8().into_raw()),
        other => (3, other.to_rgb8().into_raw()),
    };
    Ok(Decoded {
        raster: Raster {
            width,
            height,
            channels,
            data,
        },
        full_width,
        full_height,
        icc: icc.filter(|icc| icc_fits(icc, channels)),
    })
}

/// The size with long edge `edge` (never larger than the original), aspect kept.
pub(crate) fn fit(width: u32, height: u32, edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= edge || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = |v: u32| {
        ((u64::from(v) * u64::from(edge) + u64::from(long) / 2) / u64::from(long)).max(1) as u32
    };
    (scale(width), scale(height))
}

fn pixel_type(channels: u8) -> PixelType {
    match channels {
        1 => PixelType::U8,
        4 => PixelType::U8x4,
        _ => PixelType::U8x3,
    }
}

/// Resizes to `width`×`height` with Lanczos3 (alpha handled premultiplied).
pub(crate) fn resize(raster: &Raster, width: u32, height: u32) -> Result<Raster, String> {
    let pixel = pixel_type(raster.channels);
    let src = ImageRef::new(raster.width, raster.height, &raster.data, pixel)
        .map_err(|e| format!("resize: {e}"))?;
    let mut dst = Image::new(width, height, pixel);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|e| format!("resize: {e}"))?;
    Ok(Raster {
        width,
        height,
        channels: raster.channels,
        data: dst.into_vec(),
    })
}

/// Scales down so that the long edge is at most `edge`; smaller pictures are returned as they are.
pub(crate) fn shrink(raster: Raster, edge: u32) -> Result<Raster, String> {
    let (width, height) = fit(raster.width, raster.height, edge.max(1));
    if (width, height) == (raster.width, raster.height) {
        return Ok(raster);
    }
    resize(&raster, width, height)
}

/// Turns the stored pixels into the displayed ones for EXIF orientation 1..=8.
pub(crate) fn orient(raster: Raster, orientation: u16) -> Raster {
    if !(2..=8).contains(&orientation) {
        return raster;
    }
    let (w, h) = (raster.width as usize, raster.height as usize);
    let c = usize::from(raster.channels);
    let swap = orientation >= 5;
    let (ow, oh) = if swap { (h, w) } else { (w, h) };
    let mut out = vec![0u8; raster.data.len()];
    for y in 0..oh {
        for x in 0..ow {
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            let s = (sy * w + sx) * c;
            let d = (y * ow + x) * c;
            out[d..d + c].copy_from_slice(&raster.data[s..s + c]);
        }
    }
    Raster {
        width: ow as u32,
        height: oh as u32,
        channels: raster.channels,
        data: out,
    }
}

/// Puts RGBA on white; other rasters are returned as they are.
pub(crate) fn flatten(raster: Raster) -> Raster {
    if raster.channels != 4 {
        return raster;
    }
    let data = raster
        .data
        .chunks_exact(4)
        .flat_map(|p| {
            let a = u32::from(p[3]);
            let over = |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            [over(p[0]), over(p[1]), over(p[2])]
        })
        .collect();
    Raster {
        channels: 3,
        data,
        ..raster
    }
}

/// Encodes an opaque raster (1 or 3 channels) as JPEG, with the colour profile if given.
pub(crate) fn encode_jpeg(raster: &Raster, icc: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let color = match raster.channels {
        1 => ExtendedColorType::L8,
        3 => ExtendedColorType::Rgb8,
        n => return Err(format!("cannot encode {n} channels as JPEG")),
    };
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    if let Some(icc) = icc {
        // A profile the encoder refuses is left out; the colours are then read as sRGB.
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    encoder
        .write_image(&raster.data, raster.width, raster.height, color)
        .map_err(|e| format!("JPEG encoding failed ({e})"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(w: u32, h: u32) -> Raster {
        Raster {
            width: w,
            height: h,
            channels: 1,
            data: (0..(w * h) as u8).collect(),
        }
    }

    #[test]
    fn orientations() {
        // 0 1 2
        // 3 4 5
        let r = numbered(3, 2);
        assert_eq!(orient(r.clone(), 1).data, [0, 1, 2, 3, 4, 5]);
        assert_eq!(orient(r.clone(), 2).data, [2, 1, 0, 5, 4, 3]);
        assert_eq!(orient(r.clone(), 3).data, [5, 4, 3, 2, 1, 0]);
        assert_eq!(orient(r.clone(), 4).data, [3, 4, 5, 0, 1, 2]);
        assert_eq!(orient(r.clone(), 5).data, [0, 3, 1, 4, 2, 5]);
        // rotate 90° clockwise: first row is the left column read bottom-up
        let six = orient(r.clone(), 6);
        assert_eq!((six.width, six.height), (2, 3));
        assert_eq!(six.data, [3, 0, 4, 1, 5, 2]);
        assert_eq!(orient(r.clone(), 7).data, [5, 2, 4, 1, 3, 0]);
        assert_eq!(orient(r, 8).data, [2, 5, 1, 4, 0, 3]);
    }

    #[test]
    fn fit_never_upscales() {
        assert_eq!(fit(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit(3000, 4000, 320), (240, 320));
        assert_eq!(fit(100, 50, 320), (100, 50));
        assert_eq!(fit(10000, 1, 320), (320, 1));
    }

    #[test]
    fn flatten_puts_alpha_on_white() {
        let r = Raster {
            width: 2,
            height: 1,
            channels: 4,
            data: vec![0, 0, 0, 0, 10, 20, 30, 255],
        };
        assert_eq!(flatten(r).data, [255, 255, 255, 10, 20, 30]);
    }
}
