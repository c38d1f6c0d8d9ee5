//! The one door to files: downloads (export) and, later, reading picked or dropped files.

use wasm_bindgen::JsCast;

/// Why a download could not start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the browser refused to create the download")]
pub struct DownloadError;

/// An object URL holding `text` with the given MIME type. The caller revokes it when done.
pub fn object_url(text: &str, mime: &str) -> Result<String, DownloadError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError)?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)
}

/// Offers `text` to the user as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), DownloadError> {
    let url = object_url(text, mime)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError)?;
    let anchor = document
        .create_element("a")
        .map_err(|_| DownloadError)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| DownloadError)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Some browsers read the blob after the click returns: revoke the URL a little later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Why a picked or dropped file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the browser could not read the file")]
pub struct ReadError;

/// Reads a picked or dropped file whole.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
