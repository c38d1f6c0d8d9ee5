//! The crash screen. In wasm a panic kills the app; instead of a frozen page the user sees what
//! happened, in the UI language, and can download everything Alur saved in this browser.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::i18n::{Lang, T};

static CRASHED: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook. Call once, before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Alur crashed: {message}").into());
        // A panic while drawing the crash screen must not loop.
        if CRASHED.swap(true, Ordering::SeqCst) {
            return;
        }
        let _ = show(&message);
    }));
}

/// The UI language at the moment of the crash, read from `<html lang>`, which the app keeps in
/// step with the language switch.
fn current_lang(document: &web_sys::Document) -> Lang {
    document
        .document_element()
        .map(|html| html.get_attribute("lang").unwrap_or_default())
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Everything Alur stored, as one JSON object of key → raw text, so even a damaged entry is
/// kept byte for byte.
///
/// Written without serde_json, which the first download does not carry (`storage::json`), in
/// the layout serde_json's pretty printer gives: keys sorted, two spaces per level.
pub fn saved_data_json() -> String {
    use crate::storage::json::quote;
    // Sorted by key already, as serde_json's map would have them.
    let entries = crate::storage::dump_all();
    let mut out = String::from("{\n  \"alur_backup\": 1,\n  \"entries\": {");
    for (i, (key, value)) in entries.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        quote(key, &mut out);
        out.push_str(": ");
        quote(value, &mut out);
    }
    out.push_str(if entries.is_empty() {
        "}\n}"
    } else {
        "\n  }\n}"
    });
    out
}

fn show(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let lang = current_lang(&document);
    let body = document.body()?;
    body.set_inner_html("");

    // Built with text nodes only: the panic message may contain user text.
    let main = document.create_element("main").ok()?;
    main.set_attribute("class", "crash").ok()?;
    main.set_attribute("role", "alert").ok()?;
    let h1 = document.create_element("h1").ok()?;
    h1.set_text_content(Some(T::CrashTitle.get(lang)));
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(T::CrashBody.get(lang)));
    main.append_child(&h1).ok()?;
    main.append_child(&p).ok()?;

    if let Ok(url) = crate::files::object_url(&saved_data_json(), "application/json") {
        let a = document.create_element("a").ok()?;
        a.set_attribute("href", &url).ok()?;
        a.set_attribute("download", "alur-saved-data.json").ok()?;
        a.set_attribute("class", "button primary").ok()?;
        a.set_text_content(Some(T::CrashDownload.get(lang)));
        main.append_child(&a).ok()?;
    }
    let reload = document.create_element("a").ok()?;
    reload.set_attribute("href", "./").ok()?;
    reload.set_attribute("class", "button").ok()?;
    reload.set_text_content(Some(T::CrashReload.get(lang)));
    main.append_child(&reload).ok()?;

    let details = document.create_element("pre").ok()?;
    details.set_text_content(Some(message));
    main.append_child(&details).ok()?;
    body.append_child(&main).ok()?;
    Some(())
}
