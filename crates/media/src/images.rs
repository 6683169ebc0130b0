//! Uploaded images made safe to serve (CAT-02): the type is judged by the bytes, not the name or the
//! declared type; the picture is decoded within pixel and memory bounds, turned upright by its EXIF
//! orientation, flattened onto white and re-encoded as JPEG, which drops every piece of metadata
//! (camera, GPS position, comments). Each rendition is named by the hash of its own bytes, so a name
//! never changes meaning and may be cached for good.

use bytes::Bytes;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgb, RgbImage};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The largest upload taken.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The widths served (an image narrower than one is served at its own width instead).
pub const WIDTHS: [u32; 3] = [320, 640, 1280];
/// Neither side may exceed this, and the decoded picture may take at most `MAX_DECODED_BYTES`.
const MAX_SIDE: u32 = 12_000;
const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;
const JPEG_QUALITY: u8 = 82;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImageError {
    #[error("the file is larger than {} MB", MAX_UPLOAD_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("not a JPEG, PNG or WEBP image{}", .0.as_deref().map(|t| format!(" (looks like {t})")).unwrap_or_default())]
    Unsupported(Option<String>),
    #[error("the image cannot be read: {0}")]
    Unreadable(String),
}

/// One size of an image, ready to store.
#[derive(Debug, Clone)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// `{prefix}-{width}w-{hash}.jpg`.
    pub name: String,
    pub bytes: Bytes,
}

#[derive(Debug, Clone)]
pub struct PreparedImage {
    /// The upright picture's size.
    pub width: u32,
    pub height: u32,
    /// Narrowest first.
    pub renditions: Vec<Rendition>,
}

/// The image types taken, judged by their first bytes.
pub fn sniff(bytes: &[u8]) -> Result<ImageFormat, ImageError> {
    match infer::get(bytes) {
        Some(t) if t.mime_type() == "image/jpeg" => Ok(ImageFormat::Jpeg),
        Some(t) if t.mime_type() == "image/png" => Ok(ImageFormat::Png),
        Some(t) if t.mime_type() == "image/webp" => Ok(ImageFormat::WebP),
        Some(t) => Err(ImageError::Unsupported(Some(t.mime_type().to_owned()))),
        None => Err(ImageError::Unsupported(None)),
    }
}

/// Re-encodes and resizes an upload; `prefix` starts every rendition's name (a flat storage name).
/// CPU-bound: call it off the async runtime (`spawn_blocking`).
pub fn prepare(bytes: &[u8], prefix: &str) -> Result<PreparedImage, ImageError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(ImageError::TooLarge);
    }
    let picture = decode(bytes, sniff(bytes)?)?;
    let (width, height) = picture.dimensions();
    let mut targets: Vec<u32> = WIDTHS.iter().map(|w| (*w).min(width)).collect();
    targets.dedup();
    let renditions = targets.into_iter().map(|target| rendition(&picture, target, prefix)).collect::<Result<_, _>>()?;
    Ok(PreparedImage { width, height, renditions })
}

/// The picture in `bytes`, decoded within the pixel and memory bounds, upright and without alpha.
pub(crate) fn decode(bytes: &[u8], format: ImageFormat) -> Result<RgbImage, ImageError> {
    let unreadable = |e: image::ImageError| ImageError::Unreadable(e.to_string());
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    let picture = flatten_onto_white(&picture);
    if picture.width() == 0 || picture.height() == 0 {
        return Err(ImageError::Unreadable("the image is empty".into()));
    }
    Ok(picture)
}

/// `picture` at `target` pixels wide (never wider than it is), as JPEG named `{prefix}-{width}w-{hash}.jpg`.
pub(crate) fn rendition(picture: &RgbImage, target: u32, prefix: &str) -> Result<Rendition, ImageError> {
    let (width, height) = picture.dimensions();
    let target = target.min(width);
    let sized = if target == width {
        picture.clone()
    } else {
        let target_height = (u64::from(height) * u64::from(target) / u64::from(width)).max(1);
        let target_height = u32::try_from(target_height).unwrap_or(u32::MAX);
        image::imageops::resize(picture, target, target_height, FilterType::CatmullRom)
    };
    let mut encoded = Vec::new();
    JpegEncoder::new_with_quality(&mut encoded, JPEG_QUALITY)
        .encode_image(&sized)
        .map_err(|e| ImageError::Unreadable(e.to_string()))?;
    let hash = Sha256::digest(&encoded);
    let hash: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(Rendition {
        width: sized.width(),
        height: sized.height(),
        name: format!("{prefix}-{}w-{hash}.jpg", sized.width()),
        bytes: Bytes::from(encoded),
    })
}

fn flatten_onto_white(picture: &DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| {
            let c = u32::from(c) * u32::from(a) + 255 * (255 - u32::from(a));
            u8::try_from(c / 255).unwrap_or(u8::MAX)
        };
        Rgb([over(r), over(g), over(b)])
    })
}

/// A drawn picture, for the demo mall and tests: a soft background, a disc and a band in colours taken
/// from `seed`, `width` × `height`, as PNG. Free to redistribute: the project draws it.
pub fn drawn_sample(seed: u32, width: u32, height: u32) -> Vec<u8> {
    let hue = (seed.wrapping_mul(47) % 360) as f32;
    let light = hsl(hue, 0.45, 0.92);
    let mid = hsl(hue, 0.55, 0.72);
    let deep = hsl((hue + 30.0) % 360.0, 0.50, 0.42);
    let accent = hsl((hue + 180.0) % 360.0, 0.45, 0.60);
    let (w, h) = (width.max(1) as f32, height.max(1) as f32);
    let radius = w.min(h) * (0.22 + (seed % 5) as f32 * 0.02);
    let (cx, cy) = (w * (0.35 + (seed % 3) as f32 * 0.12), h * 0.45);
    let picture = RgbImage::from_fn(width.max(1), height.max(1), |x, y| {
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        let mut colour = mix(light, mid, fy / h * 0.6);
        let band_top = h * 0.72;
        if fy > band_top {
            colour = mix(colour, accent, (((fy - band_top) / (h * 0.04)).min(1.0)) * 0.85);
        }
        let distance = ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt();
        let edge = (radius + 1.0 - distance).clamp(0.0, 1.0);
        mix(colour, deep, edge)
    });
    let mut png = Vec::new();
    // Encoding an in-memory RGB picture as PNG cannot fail; an empty answer would be refused by
    // `prepare` as unreadable anyway.
    let _ = DynamicImage::ImageRgb8(picture).write_to(&mut Cursor::new(&mut png), ImageFormat::Png);
    png
}

fn hsl(h: f32, s: f32, l: f32) -> Rgb<u8> {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let byte = |v: f32| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb([byte(r), byte(g), byte(b)])
}

fn mix(a: Rgb<u8>, b: Rgb<u8>, t: f32) -> Rgb<u8> {
    let t = t.clamp(0.0, 1.0);
    let channel = |i: usize| (f32::from(a.0[i]) * (1.0 - t) + f32::from(b.0[i]) * t).round() as u8;
    Rgb([channel(0), channel(1), channel(2)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with_exif(width: u32, height: u32, orientation: u8) -> Vec<u8> {
        let picture = image::load_from_memory(&drawn_sample(7, width, height)).unwrap();
        let mut plain = Vec::new();
        JpegEncoder::new_with_quality(&mut plain, 90).encode_image(&picture).unwrap();
        // An APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) and a GPS-ish comment
        // (COM segment) right after SOI.
        let mut tiff = vec![b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1];
        tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]);
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let comment = b"GPS 35.6812,139.7671 secret";
        let mut out = vec![0xFF, 0xD8];
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&[0xFF, 0xFE]);
        out.extend_from_slice(&u16::try_from(comment.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(comment);
        out.extend_from_slice(&plain[2..]);
        out
    }

    #[test]
    fn cat02_renditions_are_resized_re_encoded_and_named_by_their_content() {
        let prepared = prepare(&drawn_sample(1, 1600, 1200), "img").unwrap();
        assert_eq!((prepared.width, prepared.height), (1600, 1200));
        let sizes: Vec<_> = prepared.renditions.iter().map(|r| (r.width, r.height)).collect();
        assert_eq!(sizes, [(320, 240), (640, 480), (1280, 960)]);
        for r in &prepared.renditions {
            assert_eq!(sniff(&r.bytes).unwrap(), ImageFormat::Jpeg);
            assert!(r.name.starts_with(&format!("img-{}w-", r.width)) && r.name.ends_with(".jpg"), "{}", r.name);
            assert!(crate::storage::is_valid_name(&r.name));
        }
        let again = prepare(&drawn_sample(1, 1600, 1200), "img").unwrap();
        assert_eq!(again.renditions[0].name, prepared.renditions[0].name, "same content, same name");
        let other = prepare(&drawn_sample(2, 1600, 1200), "img").unwrap();
        assert_ne!(other.renditions[0].name, prepared.renditions[0].name);
    }

    #[test]
    fn cat02_a_small_image_is_served_at_its_own_width_not_enlarged() {
        let prepared = prepare(&drawn_sample(3, 500, 250), "p").unwrap();
        let widths: Vec<_> = prepared.renditions.iter().map(|r| r.width).collect();
        assert_eq!(widths, [320, 500]);
    }

    #[test]
    fn cat02_metadata_is_stripped_and_the_picture_turned_upright() {
        let upload = jpeg_with_exif(400, 200, 6);
        assert!(upload.windows(6).any(|w| w == b"Exif\0\0"));
        let prepared = prepare(&upload, "p").unwrap();
        assert_eq!((prepared.width, prepared.height), (200, 400), "orientation 6 turns it a quarter");
        for r in &prepared.renditions {
            assert!(!r.bytes.windows(4).any(|w| w == b"Exif"), "EXIF is gone");
            assert!(!r.bytes.windows(6).any(|w| w == b"secret"), "comments are gone");
        }
    }

    #[test]
    fn cat02_the_type_is_judged_by_content_not_by_name() {
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert_eq!(prepare(gif, "p").unwrap_err(), ImageError::Unsupported(Some("image/gif".into())));
        assert_eq!(
            prepare(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "p").unwrap_err(),
            ImageError::Unsupported(None)
        );
        let mut truncated = drawn_sample(4, 300, 300);
        truncated.truncate(100);
        assert!(matches!(prepare(&truncated, "p"), Err(ImageError::Unreadable(_))));
        let mut webp = Vec::new();
        image::load_from_memory(&drawn_sample(5, 64, 64))
            .unwrap()
            .write_to(&mut Cursor::new(&mut webp), ImageFormat::WebP)
            .unwrap();
        assert_eq!(prepare(&webp, "p").unwrap().renditions.len(), 1);
    }

    #[test]
    fn cat02_uploads_over_the_limit_are_refused_before_decoding() {
        let big = vec![0xFFu8; MAX_UPLOAD_BYTES + 1];
        assert_eq!(prepare(&big, "p").unwrap_err(), ImageError::TooLarge);
    }

    #[test]
    fn transparent_pixels_become_white() {
        let mut png = Vec::new();
        DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 0, 0])))
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        let prepared = prepare(&png, "p").unwrap();
        let decoded = image::load_from_memory(&prepared.renditions[0].bytes).unwrap().to_rgb8();
        assert!(decoded.pixels().all(|p| p.0.iter().all(|c| *c > 245)), "{:?}", decoded.get_pixel(0, 0));
    }
}
