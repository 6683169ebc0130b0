//! Files attached to order messages and inspection photos (MSG-02, PRX-06): the kind is judged by the
//! bytes, never the name or the declared type. Pictures (JPEG, PNG, GIF, WEBP) are decoded within bounds
//! and re-encoded as JPEG — metadata dropped, a GIF's first frame kept — with a small preview; a PDF is
//! kept as sent and only ever served as a download.

use crate::images::{ImageError, Rendition, decode, rendition};
use bytes::Bytes;
use image::ImageFormat;
use sha2::{Digest, Sha256};

/// The largest file taken (MSG-02).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// A stored picture is at most this wide; its preview this wide.
const FULL_WIDTH: u32 = 2048;
const PREVIEW_WIDTH: u32 = 320;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Image,
    Pdf,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Image => "image/jpeg",
            FileKind::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Image => "jpg",
            FileKind::Pdf => "pdf",
        }
    }
}

/// A file made safe to keep: what to store, and a preview for pictures.
#[derive(Debug, Clone)]
pub struct PreparedFile {
    pub kind: FileKind,
    /// The stored file (`{prefix}-….jpg` or `{prefix}-{hash}.pdf`).
    pub file: Rendition,
    pub preview: Option<Rendition>,
}

/// Judges and re-encodes an upload; `pdf` says whether a PDF is taken (inspection photos are pictures
/// only). CPU-bound: call it off the async runtime.
pub fn prepare_file(bytes: &[u8], prefix: &str, pdf: bool) -> Result<PreparedFile, ImageError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImageError::TooLarge);
    }
    let mime = infer::get(bytes).map(|t| t.mime_type());
    let format = match mime {
        Some("image/jpeg") => ImageFormat::Jpeg,
        Some("image/png") => ImageFormat::Png,
        Some("image/gif") => ImageFormat::Gif,
        Some("image/webp") => ImageFormat::WebP,
        Some("application/pdf") if pdf && bytes.starts_with(b"%PDF-") => {
            let hash: String = Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect();
            let file = Rendition {
                width: 0,
                height: 0,
                name: format!("{prefix}-{hash}.pdf"),
                bytes: Bytes::copy_from_slice(bytes),
            };
            return Ok(PreparedFile { kind: FileKind::Pdf, file, preview: None });
        }
        other => return Err(ImageError::Unsupported(other.map(str::to_owned))),
    };
    let picture = decode(bytes, format)?;
    Ok(PreparedFile {
        kind: FileKind::Image,
        file: rendition(&picture, FULL_WIDTH, prefix)?,
        preview: Some(rendition(&picture, PREVIEW_WIDTH, prefix)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::drawn_sample;

    // MSG-02: judged by content: a picture is re-encoded as JPEG with a preview, a PDF kept as sent.
    #[test]
    fn msg02_pictures_are_re_encoded_and_pdfs_kept() {
        let png = drawn_sample(3, 900, 600);
        let prepared = prepare_file(&png, "a-1", true).unwrap();
        assert_eq!(prepared.kind, FileKind::Image);
        assert!(prepared.file.bytes.starts_with(&[0xFF, 0xD8]), "JPEG now");
        assert_eq!((prepared.file.width, prepared.preview.as_ref().unwrap().width), (900, 320));

        let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
        let prepared = prepare_file(pdf, "a-2", true).unwrap();
        assert_eq!((prepared.kind, prepared.file.bytes.as_ref()), (FileKind::Pdf, &pdf[..]));
        assert!(prepared.file.name.ends_with(".pdf") && prepared.preview.is_none());
        assert!(matches!(prepare_file(pdf, "a-3", false), Err(ImageError::Unsupported(_))), "photos are pictures");
    }

    // MSG-02: a file named .jpg that is not a picture, a script, and a file past 10 MB are refused.
    #[test]
    fn msg02_other_files_and_oversized_ones_are_refused() {
        assert!(matches!(prepare_file(b"<html><script>alert(1)</script>", "x", true), Err(ImageError::Unsupported(_))));
        assert!(matches!(prepare_file(b"MZ\x90\x00\x03\x00\x00\x00", "x", true), Err(ImageError::Unsupported(_))));
        let mut big = drawn_sample(1, 10, 10);
        big.resize(MAX_FILE_BYTES + 1, 0);
        assert_eq!(prepare_file(&big, "x", true).unwrap_err(), ImageError::TooLarge);
        let mut broken = drawn_sample(1, 50, 50);
        broken.truncate(60);
        assert!(matches!(prepare_file(&broken, "x", true), Err(ImageError::Unreadable(_))));
    }
}
