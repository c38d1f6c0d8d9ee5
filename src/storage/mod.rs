//! The one door to localStorage. Nothing else in the app touches it.
//!
//! Layout: `alur:settings` (language), `alur:index` (the list of plans), and one key per plan,
//! `alur:plan:<id>`. Every key starts with [`PREFIX`], so a crash dump can gather them all.
//!
//! Where the browser gives no localStorage (switched off by the user or a policy, some private
//! modes: reading `window.localStorage` throws `SecurityError`), the same keys live in this
//! page's memory instead: the app works and exports as usual, [`persistent`] is false, and the
//! UI says that nothing outlives the tab. The choice is made once per page, so a page never
//! splits its data between the two.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

/// Every key Alur writes starts with this.
pub const PREFIX: &str = "alur:";
const SETTINGS_KEY: &str = "alur:settings";

pub mod json;
pub mod plans;
pub mod team;

/// Why storage refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser has no localStorage (private mode in some browsers, or disabled).
    #[error("localStorage is not available")]
    Unavailable,
    /// The storage quota is full.
    #[error("localStorage is full")]
    Full,
    /// Any other refusal, with the browser's words.
    #[error("localStorage refused: {0}")]
    Other(String),
}

thread_local! {
    /// The page's localStorage, looked up once (`None`: the browser gives none).
    static LOCAL: std::cell::OnceCell<Option<web_sys::Storage>> = const { std::cell::OnceCell::new() };
    /// The keys of a page without localStorage.
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Where this page keeps its keys.
enum Backend {
    Local(web_sys::Storage),
    Memory,
}

// The one door to localStorage (clippy.toml forbids `local_storage` elsewhere).
#[allow(clippy::disallowed_methods)]
fn backend() -> Backend {
    let local = LOCAL.with(|cell| {
        cell.get_or_init(|| {
            // gloo's `raw()` panics where storage is missing or refused; ask the window
            // ourselves. Reading the property itself throws where storage is switched off.
            web_sys::window().and_then(|w| w.local_storage().ok().flatten())
        })
        .clone()
    });
    local.map_or(Backend::Memory, Backend::Local)
}

/// Whether what is saved outlives this page (false where the browser gives no localStorage).
pub fn persistent() -> bool {
    matches!(backend(), Backend::Local(_))
}

fn in_memory<R>(f: impl FnOnce(&mut BTreeMap<String, String>) -> R) -> R {
    MEMORY.with(|m| f(&mut m.borrow_mut()))
}

fn classify(err: JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else {
        let message = js_sys::Reflect::get(&err, &JsValue::from_str("message"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or(name);
        StorageError::Other(message)
    }
}

/// Reads a key as text; `Ok(None)` when absent.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    match backend() {
        Backend::Local(storage) => storage.get_item(key).map_err(classify),
        Backend::Memory => Ok(in_memory(|m| m.get(key).cloned())),
    }
}

/// The first `max_chars` UTF-16 units of a key's value (fewer if it is shorter), and whether
/// that is all of it. The value is cut inside JavaScript, so a large value is not copied into
/// the wasm to read its start. A cut through a surrogate pair ends in U+FFFD.
pub fn read_head(key: &str, max_chars: u32) -> Result<Option<(String, bool)>, StorageError> {
    Ok(read_js(key)?.map(|text| {
        let whole = text.length() <= max_chars;
        let head = if whole {
            text
        } else {
            text.slice(0, max_chars)
        };
        (String::from(head), whole)
    }))
}

/// A key's value as the browser's own string, not copied into the wasm: for moving a large
/// value to another key ([`write_js`]) or measuring it.
pub fn read_js(key: &str) -> Result<Option<js_sys::JsString>, StorageError> {
    match backend() {
        Backend::Local(storage) => items(&storage).get_item_js(key).map_err(classify),
        Backend::Memory => Ok(in_memory(|m| {
            m.get(key).map(|v| js_sys::JsString::from(v.as_str()))
        })),
    }
}

/// Writes a browser string (from [`read_js`]) to a key, whole or not at all.
pub fn write_js(key: &str, value: &js_sys::JsString) -> Result<(), StorageError> {
    match backend() {
        Backend::Local(storage) => items(&storage).set_item_js(key, value).map_err(classify),
        Backend::Memory => {
            in_memory(|m| m.insert(key.to_string(), String::from(value)));
            Ok(())
        }
    }
}

/// The length of a key's value in UTF-16 units (as the browser counts it against its quota),
/// without copying the value into the wasm.
pub fn value_len(key: &str) -> Option<usize> {
    read_js(key).ok().flatten().map(|v| v.length() as usize)
}

fn items(storage: &web_sys::Storage) -> &StorageItems {
    wasm_bindgen::JsCast::unchecked_ref(storage)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `Storage`, seen through the methods that keep values as JavaScript strings.
    type StorageItems;

    /// `Storage.getItem`, returning the JavaScript string itself.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &StorageItems, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;

    /// `Storage.setItem` with a JavaScript string.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &StorageItems, key: &str, value: &js_sys::JsString)
        -> Result<(), JsValue>;
}

/// Writes a key. The browser writes a key whole or not at all, so on error the previous value
/// is still there.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    match backend() {
        Backend::Local(storage) => storage.set_item(key, value).map_err(classify),
        Backend::Memory => {
            in_memory(|m| m.insert(key.to_string(), value.to_string()));
            Ok(())
        }
    }
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    match backend() {
        Backend::Local(storage) => storage.remove_item(key).map_err(classify),
        Backend::Memory => {
            in_memory(|m| m.remove(key));
            Ok(())
        }
    }
}

/// Every Alur key, sorted, without reading the values.
pub fn keys() -> Vec<String> {
    let storage = match backend() {
        Backend::Local(storage) => storage,
        Backend::Memory => {
            return in_memory(|m| {
                m.keys()
                    .filter(|k| k.starts_with(PREFIX))
                    .cloned()
                    .collect()
            })
        }
    };
    let len = storage.length().unwrap_or(0);
    let mut out: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    crate::domain::values::sort::sort(&mut out);
    out
}

/// Every Alur key and its raw text, sorted by key: the crash screen's download and the
/// recovery panel use it, so it never parses what it reads (but a team link's token is left
/// out: see [`team::redacted`]).
pub fn dump_all() -> Vec<(String, String)> {
    keys()
        .into_iter()
        .filter_map(|key| {
            let value = read(&key).ok().flatten()?;
            let value = team::redacted(&key, value);
            Some((key, value))
        })
        .collect()
}

/// The version of the settings document this build writes. Version 0 is a document from before
/// settings had a version (the same fields); a later version's fields this build does not know
/// are kept as they are.
pub const SETTINGS_VERSION: u32 = 1;

/// The saved settings.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The document's version ([`SETTINGS_VERSION`] once written by this build).
    pub schema_version: u32,
    /// The UI language the user chose, if they chose one.
    pub lang: Option<crate::i18n::Lang>,
    /// The plan opened last, for links without a plan id.
    pub last_plan: Option<String>,
    /// Which KPI each imported metric fed, per plan and import source, so the next file from
    /// the same source is mapped the same way.
    pub import_mappings: Vec<RememberedMapping>,
    /// The user's name on this device, for the board's "my tasks".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_name: Option<String>,
    /// Fields written by a later version of Alur, kept so that saving here does not drop them.
    #[serde(flatten)]
    pub later: serde_json::Map<String, serde_json::Value>,
}

/// A metric-to-KPI mapping chosen for one plan and one import source.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RememberedMapping {
    /// The plan's id.
    pub plan: String,
    /// The import source, e.g. "Google Analytics 4".
    pub source: String,
    /// Metric id → KPI id (`None`: not imported).
    pub mapping: Vec<(String, Option<String>)>,
}

/// How many remembered mappings are kept (the oldest go first).
const MAX_MAPPINGS: usize = 50;

/// The mapping remembered for a plan and source, if any.
pub fn remembered_mapping(plan: &str, source: &str) -> Option<Vec<(String, Option<String>)>> {
    load_settings()
        .import_mappings
        .into_iter()
        .find(|m| m.plan == plan && m.source == source)
        .map(|m| m.mapping)
}

/// Remembers the mapping used for a plan and source.
pub fn remember_mapping(
    plan: &str,
    source: &str,
    mapping: Vec<(String, Option<String>)>,
) -> Result<(), StorageError> {
    let mut settings = load_settings();
    settings
        .import_mappings
        .retain(|m| !(m.plan == plan && m.source == source));
    settings.import_mappings.push(RememberedMapping {
        plan: plan.to_string(),
        source: source.to_string(),
        mapping,
    });
    let excess = settings.import_mappings.len().saturating_sub(MAX_MAPPINGS);
    settings.import_mappings.drain(..excess);
    save_settings(&settings)
}

/// The language and last plan of the settings, read by the first download without serde
/// (`json`): the whole document is read by [`load_settings`], in the parts that need more.
/// Text that is no JSON object gives neither.
pub fn settings_start() -> (Option<crate::i18n::Lang>, Option<String>) {
    let doc = read(SETTINGS_KEY)
        .ok()
        .flatten()
        .and_then(|text| json::parse(&text));
    let field = |key: &str| {
        doc.as_ref()
            .and_then(|d| d.get(key)?.as_str().map(str::to_string))
    };
    let lang = field("lang").and_then(|tag| match tag.as_str() {
        "id" => Some(crate::i18n::Lang::Id),
        "en" => Some(crate::i18n::Lang::En),
        _ => None,
    });
    (lang, field("last_plan"))
}

/// Saves the language chosen, changing nothing else in the stored settings (fields of this
/// build or a later one are written back as they were read); settings that are no JSON object
/// are replaced, as [`save_settings`] would.
pub fn save_lang(lang: crate::i18n::Lang) -> Result<(), StorageError> {
    let mut doc = read(SETTINGS_KEY)?
        .and_then(|text| json::parse(&text))
        .filter(|d| matches!(d, json::Json::Object(_)))
        .unwrap_or(json::Json::Object(Vec::new()));
    let version = doc
        .get("schema_version")
        .and_then(json::Json::as_u64)
        .map_or(u64::from(SETTINGS_VERSION), |v| {
            v.max(u64::from(SETTINGS_VERSION))
        });
    doc.set("schema_version", json::Json::Number(version.to_string()));
    doc.set("lang", json::Json::Str(lang.tag().to_string()));
    write(SETTINGS_KEY, &doc.to_text())
}

/// Loads the settings; damaged, missing or unreadable settings give the defaults.
pub fn load_settings() -> Settings {
    match backend() {
        // gloo's `raw()` assumes the page has localStorage, which `backend` has just found.
        Backend::Local(_) => LocalStorage::get::<Settings>(SETTINGS_KEY).unwrap_or_default(),
        Backend::Memory => read(SETTINGS_KEY)
            .ok()
            .flatten()
            .map_or_else(Settings::default, |text| settings_from_text(&text)),
    }
}

/// Reads a settings document; damaged text gives the defaults (settings are preferences,
/// never a user's work).
pub fn settings_from_text(text: &str) -> Settings {
    serde_json::from_str::<Settings>(text).unwrap_or_default()
}

/// Saves the settings, as the version this build writes.
pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    let mut settings = settings.clone();
    settings.schema_version = settings.schema_version.max(SETTINGS_VERSION);
    let text = serde_json::to_string(&settings).map_err(|e| StorageError::Other(e.to_string()))?;
    write(SETTINGS_KEY, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: settings written before they had a version still give the user's language and
    // last plan, and are written back as the current version.
    #[test]
    fn settings_without_a_version_read_as_version_zero() {
        let old = settings_from_text(r#"{"lang":"id","last_plan":"batik"}"#);
        assert_eq!(old.schema_version, 0);
        assert_eq!(old.lang, Some(crate::i18n::Lang::Id));
        assert_eq!(old.last_plan.as_deref(), Some("batik"));
        assert!(old.later.is_empty());
    }

    // Guards: a later version's settings survive a round trip through this one: its unknown
    // fields are written back as they were, and its version is not lowered.
    #[test]
    fn a_later_versions_fields_are_kept() {
        let text = r#"{"schema_version":7,"lang":"en","theme":{"dark":true}}"#;
        let settings = settings_from_text(text);
        assert_eq!(settings.schema_version, 7);
        let again: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&settings).unwrap()).unwrap();
        assert_eq!(again["theme"]["dark"], serde_json::Value::Bool(true));
        assert_eq!(again["schema_version"], 7);
        // Damaged settings are only preferences: the defaults, never a failure.
        assert_eq!(settings_from_text("{not json"), Settings::default());
    }
}
