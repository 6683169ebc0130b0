//! Reading `multipart/form-data` uploads: text fields and up to `max_files` files named `file`, each
//! refused as soon as it passes its limit, so an oversized upload is never held in memory whole.

use crate::error::{ApiError, ErrorCode};
use actix_multipart::{Multipart, MultipartError};
use futures_util::StreamExt;
use std::collections::BTreeMap;

/// One uploaded file: the name the sender gave it and its bytes.
#[derive(Debug)]
pub struct Upload {
    pub file_name: String,
    pub bytes: bytes::Bytes,
}

/// What a form may hold, and the codes its refusals carry.
#[derive(Debug, Clone, Copy)]
pub struct FormRules {
    pub max_files: usize,
    pub file_bytes: usize,
    /// The text fields taken, each with its limit in bytes; others are skipped.
    pub texts: &'static [(&'static str, usize)],
    pub too_many: ErrorCode,
    pub too_large: ErrorCode,
}

#[derive(Debug, Default)]
pub struct UploadForm {
    pub texts: BTreeMap<&'static str, String>,
    pub files: Vec<Upload>,
}

fn unreadable(e: MultipartError) -> ApiError {
    match e {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible => {
            ApiError::new(ErrorCode::UnsupportedMediaType, "send the form as multipart/form-data")
        }
        other => ApiError::new(ErrorCode::UnreadableBody, format!("the form could not be read: {other}")),
    }
}

pub async fn read_form(mut form: Multipart, rules: FormRules) -> Result<UploadForm, ApiError> {
    let mut read = UploadForm::default();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_owned();
        let text = rules.texts.iter().find(|(n, _)| *n == name).copied();
        let limit = match (name.as_str(), text) {
            ("file", _) => {
                if read.files.len() == rules.max_files {
                    return Err(ApiError::field(
                        rules.too_many,
                        "file",
                        format!("at most {} file(s) at a time", rules.max_files),
                    ));
                }
                rules.file_bytes
            }
            (_, Some((_, limit))) => limit,
            _ => 0,
        };
        let file_name = field.content_disposition().and_then(|d| d.get_filename()).unwrap_or_default().to_owned();
        let mut data = bytes::BytesMut::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if data.len() + chunk.len() > limit {
                match (name.as_str(), text) {
                    ("file", _) => {
                        let mb = rules.file_bytes / 1024 / 1024;
                        return Err(ApiError::field(rules.too_large, "file", format!("a file is at most {mb} MB")));
                    }
                    (_, Some((field, limit))) => {
                        return Err(ApiError::field(
                            ErrorCode::ValidationFailed,
                            field,
                            format!("is at most {limit} bytes"),
                        ));
                    }
                    _ => continue,
                }
            }
            data.extend_from_slice(&chunk);
        }
        match (name.as_str(), text) {
            ("file", _) if !data.is_empty() => read.files.push(Upload { file_name, bytes: data.freeze() }),
            (_, Some((field, _))) => {
                let value = String::from_utf8(data.to_vec())
                    .map_err(|_| ApiError::field(ErrorCode::ValidationFailed, field, "is not UTF-8 text"))?;
                read.texts.insert(field, value);
            }
            _ => {}
        }
    }
    Ok(read)
}
