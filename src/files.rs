//! The one door to files and bytes: downloads (export), reading picked or dropped files, the
//! browser's compression for share links, and the clipboard.

use wasm_bindgen::JsCast;

/// Why a download could not start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the browser refused to create the download")]
pub struct DownloadError;

/// An object URL holding `text` with the given MIME type. The caller revokes it when done.
// The one place that makes object URLs for downloads (clippy.toml forbids it elsewhere).
#[allow(clippy::disallowed_methods)]
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

/// Why a compression or decompression failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompressError {
    /// The browser has no `CompressionStream` (older than 2023).
    #[error("this browser cannot compress or decompress data")]
    Unsupported,
    /// The data is not valid raw deflate: a damaged share link.
    #[error("the data is damaged")]
    Damaged,
    /// The result grew past the limit.
    #[error("the data is larger than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
}

// The Compression Streams API, bound here because web-sys lists it among its unstable APIs.
// `catch` on the constructors: a browser without it throws, which becomes `Err`, not a crash.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Compresses with raw deflate, using the browser's `CompressionStream`.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    let stream = CompressionStream::new("deflate-raw").map_err(|_| CompressError::Unsupported)?;
    let pair = web_sys::ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_all(pipe(bytes, &pair)?, usize::MAX).await
}

/// Decompresses raw deflate, stopping as soon as the output passes `limit` bytes (a hostile
/// link could otherwise expand a thousandfold).
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, CompressError> {
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| CompressError::Unsupported)?;
    let pair = web_sys::ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_all(pipe(bytes, &pair)?, limit).await
}

/// `bytes` as a stream through a transform.
fn pipe(
    bytes: &[u8],
    through: &web_sys::ReadableWritablePair,
) -> Result<web_sys::ReadableStream, CompressError> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)
        .map_err(|_| CompressError::Unsupported)?;
    Ok(blob.stream().pipe_through(through))
}

/// Reads a byte stream to its end, or fails once it passes `limit` bytes.
async fn read_all(stream: web_sys::ReadableStream, limit: usize) -> Result<Vec<u8>, CompressError> {
    use wasm_bindgen_futures::JsFuture;
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        // A damaged deflate stream rejects the read.
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| CompressError::Damaged)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
        if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(out);
        }
        let Some(value) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        else {
            return Err(CompressError::Damaged);
        };
        if out.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(CompressError::TooLarge { limit });
        }
        out.extend(value.to_vec());
    }
}

/// Puts `text` on the clipboard; `false` when the browser does not allow it (then the caller
/// leaves the text selected for the user to copy).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // Read through Reflect: `navigator.clipboard` is missing on pages not served securely,
    // and calling a missing method would throw through the wasm.
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
            .await
            .is_ok(),
        Err(_) => false,
    }
}
